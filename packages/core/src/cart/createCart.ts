import type { Cart, Order } from '../types'
import { applyDelta } from './applyDelta'
import { num, toCart } from './toCart'
import type { CartExposure, CartOptions, CartState } from './types'

const KEY = 'cart'

/** What one visitor's cart state persists as, under the key `cart`. */
interface Saved {
  cart?: Cart
  changedAt?: number
  /**
   * The cart last reported, as JSON. Persisted so that a change the visitor navigated away
   * from inside the debounce (add to cart → cart page) is reported on the next page.
   */
  sent?: string
  /** The latest cart-abandon exposure: only the latest can win attribution. */
  shown?: CartExposure
  /** A purchase is reported once per order id (thank-you pages get reloaded). */
  lastOrder?: string
}

const key = (c: Cart | undefined) => JSON.stringify(c)

/**
 * The visitor's cart: the latest picture from any source, persisted across visits, reported
 * as a debounced `cart.updated`, and cleared by a `purchase` that carries the cart-abandon
 * exposure it is attributed to (`recoveredBy`).
 */
export function createCart({
  store,
  emit,
  now = Date.now,
  debounceMs = 1000,
  attributionDays = 5,
  channel,
}: CartOptions): CartState {
  let s: Saved = {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const subs = new Set<(cart: Cart | undefined) => void>()
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  }
  const ready: Promise<void> = store.get<Saved>(KEY).then(
    (v) => {
      s = { ...v }
      if (key(s.cart) !== s.sent) schedule()
    },
    () => {},
  )
  // Every change waits for the stored state: a data-layer delta pushed before the script
  // loaded applies on top of the cart from the last visit, and attribution sees the exposure.
  const later =
    <A extends unknown[]>(fn: (...a: A) => unknown) =>
    (...a: A) =>
      void ready.then(() => fn(...a))
  const tell = () => {
    for (const fn of subs) fn(s.cart)
  }
  const save = (notify?: boolean) => {
    store.set(KEY, { ...s }).catch(() => {})
    channel?.postMessage({ cartState: s })
    if (notify) tell()
  }
  // Another tab changed the cart (and stored it): take its state as ours. A cart filled in two
  // tabs then adds up, and a purchase in one empties it in all, so no tab reminds the visitor
  // of a cart they bought. The tab that changed it reports the change; ours stops its timer.
  channel?.addEventListener(
    'message',
    later((e: MessageEvent) => {
      // The channel is shared: other messages are not the cart's.
      const theirs = (e.data as { cartState?: Saved } | null)?.cartState
      if (!theirs) return
      clearTimeout(timer)
      const before = key(s.cart)
      s = { ...theirs }
      if (key(s.cart) !== before) tell()
    }),
  )

  function flush() {
    clearTimeout(timer)
    const k = key(s.cart)
    if (k !== s.sent) {
      s.sent = k
      emit('cart.updated', { items: [], value: 0, currency: '', ...s.cart })
      save()
    }
  }

  const change = (cart: Cart | undefined) => {
    if (key(cart) === key(s.cart)) return
    s.cart = cart
    s.changedAt = now()
    save(true)
    schedule()
  }

  return {
    ready,
    get: () => s.cart,
    lastChangedAt: () => s.changedAt,
    set: later((cart?: Cart) => change(toCart(cart?.items, cart?.currency, cart?.value))),
    apply: later((delta) => change(applyDelta(s.cart, delta))),
    addShown: later((campaignId: string, variant: string | undefined, heldOut: boolean) => {
      s.shown = { campaignId, variant, heldOut, shownAt: now() }
      save()
    }),
    purchase: later((order: Order, id?: string) => {
      const orderId = `${order?.orderId ?? ''}`
      if (!orderId || orderId === s.lastOrder) return
      flush()
      const x = s.shown
      emit(
        'purchase',
        {
          orderId,
          value: num(order.value),
          currency: order.currency || s.cart?.currency || '',
          items: order.items ?? s.cart?.items ?? [],
          // Held-out exposures count too: the collector compares both groups for lift.
          ...(x &&
            now() - x.shownAt <= attributionDays * 864e5 && {
              recoveredBy: { ...x, shownAt: new Date(x.shownAt).toISOString() },
            }),
        },
        { id },
      )
      // The bought cart is gone, and an exposure recovers one cart (older ones are pruned here).
      s = { lastOrder: orderId }
      save(true)
    }),
    subscribe(fn) {
      subs.add(fn)
      return () => subs.delete(fn)
    },
    forget: () =>
      ready.then(() => {
        clearTimeout(timer)
        s = {}
        channel?.postMessage({ cartState: s })
        tell()
        return (store.delMany ? store.delMany([KEY]) : store.set(KEY, undefined)).catch(() => {})
      }),
  }
}
