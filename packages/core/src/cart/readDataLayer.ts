import type { Order } from '../types'
import { num, toCart } from './toCart'
import type { CartDelta } from './types'

export interface DataLayerOptions {
  /** The global array's name. Default `dataLayer`. */
  name?: string
  onCart: (delta: CartDelta) => void
  onPurchase: (order: Order) => void
}

// GA4 ecommerce events → what they do to the cart.
const OPS: Record<string, CartDelta['op']> = {
  add_to_cart: 'add',
  remove_from_cart: 'remove',
  view_cart: 'set',
  begin_checkout: 'set',
}

/**
 * Reads GA4 ecommerce events from the data layer: those already in it, then every push.
 * add_to_cart / remove_from_cart become deltas, view_cart / begin_checkout a full cart,
 * purchase an order. Junk is ignored and nothing thrown reaches the page. Returns a stop
 * function.
 */
export function readDataLayer(
  win: Window,
  { name = 'dataLayer', onCart, onPurchase }: DataLayerOptions,
): () => void {
  const w = win as unknown as Record<string, unknown>
  // Created when absent, as the GTM and gtag snippets do (`dataLayer = dataLayer || []`).
  w[name] ??= []
  const dl = w[name] as unknown[]
  if (!Array.isArray(dl)) return () => {}
  let on = true

  // biome-ignore lint/suspicious/noExplicitAny: data-layer messages are whatever the page pushed.
  const read = (m: any) => {
    try {
      // gtag('event', name, params) pushes its `arguments`; GTM style is `{ event, ecommerce }`.
      // The `{ ecommerce: null }` reset sites push first has no event and no payload: nothing to do.
      const gtag = m[0] === 'event'
      const ev = gtag ? m[1] : m.event
      const e = gtag ? m[2] : m.ecommerce
      if (!on || !e || typeof e !== 'object') return
      const c = toCart(
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        e.items?.map?.((i: any) => ({
          id: i?.item_id ?? i?.item_name,
          name: i?.item_name,
          price: i?.price,
          quantity: i?.quantity,
        })),
        e.currency,
        e.value,
      )
      const items = c?.items ?? []
      const currency = typeof e.currency === 'string' ? e.currency : undefined
      const op = OPS[ev]
      if (ev === 'purchase' && e.transaction_id)
        onPurchase({
          orderId: `${e.transaction_id}`,
          value: c?.value ?? num(e.value),
          currency: currency ?? '',
          items,
        })
      else if (typeof op === 'string') onCart({ op, items, currency, value: c?.value })
    } catch {
      // Junk (null, a throwing getter) or a throwing handler must not break the page's push.
    }
  }

  const orig = dl.push
  function push(this: unknown, ...args: unknown[]) {
    // The original (or GTM's wrapper) runs first and its return value is kept.
    const r = orig.apply(this, args)
    for (const a of args) read(a)
    return r
  }
  for (const m of dl.slice()) read(m)
  // An own property, defined rather than assigned: with Array.prototype frozen, `dl.push = …`
  // throws (the "override mistake"), since the inherited push is read-only.
  const own = (fn: typeof push) =>
    Object.defineProperty(dl, 'push', { value: fn, writable: true, configurable: true })
  own(push)
  return () => {
    on = false
    // Unwrap only if nobody wrapped us since; otherwise `on` makes ours a pass-through.
    if (dl.push === push) own(orig)
  }
}
