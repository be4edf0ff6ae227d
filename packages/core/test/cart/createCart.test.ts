import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type CartChannel, type CartStore, createCart } from '../../src/cart'
import type { Cart } from '../../src/types'
import { memoryStore } from './memoryStore'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0)

const tee = { id: 'SKU_12345', name: 'Stan and Friends Tee', price: 10, quantity: 2 }
const mug = { id: 'SKU_12346', name: 'Mug', price: 5.5, quantity: 1 }
const cartOf = (...items: Cart['items']): Cart => ({
  items,
  value: items.reduce((v, i) => v + i.price * i.quantity, 0),
  currency: 'EUR',
})

let clock = T0
const now = () => clock
let events: Array<[string, Record<string, unknown>]>
let ids: unknown[]
const emit = (type: string, props: Record<string, unknown>, meta?: { id?: string }) => {
  events.push([type, props])
  ids.push(meta?.id)
}
const make = (store: CartStore, opts: { attributionDays?: number } = {}) =>
  createCart({ store, emit, now, debounceMs: 1000, ...opts })

beforeEach(() => {
  vi.useFakeTimers()
  clock = T0
  events = []
  ids = []
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createCart: changes and cart.updated', () => {
  it('keeps the latest full cart and when it changed', async () => {
    const cart = make(memoryStore())
    await cart.ready
    expect(cart.get()).toBeUndefined()
    expect(cart.lastChangedAt()).toBeUndefined()
    cart.set(cartOf(tee))
    clock += 5000
    cart.set(cartOf(tee, mug))
    await cart.ready
    expect(cart.get()).toEqual(cartOf(tee, mug))
    expect(cart.lastChangedAt()).toBe(T0 + 5000)
  })

  it('debounces a burst of changes into one cart.updated with the final cart', async () => {
    const cart = make(memoryStore())
    cart.set(cartOf(tee))
    await cart.ready
    await vi.advanceTimersByTimeAsync(400)
    cart.apply({ op: 'add', items: [mug] })
    await cart.ready
    await vi.advanceTimersByTimeAsync(400)
    cart.apply({ op: 'add', items: [{ ...mug, quantity: 2 }] })
    await cart.ready
    await vi.advanceTimersByTimeAsync(999)
    expect(events).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(events).toEqual([['cart.updated', cartOf(tee, { ...mug, quantity: 3 })]])
  })

  it('emits nothing for an unchanged cart, nor for a burst that ends where it began', async () => {
    const cart = make(memoryStore())
    cart.set(cartOf(tee))
    await cart.ready
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toHaveLength(1)
    const changedAt = cart.lastChangedAt()
    clock += 60_000
    cart.set(cartOf(tee))
    await cart.ready
    expect(cart.lastChangedAt()).toBe(changedAt)
    cart.apply({ op: 'add', items: [mug] })
    cart.apply({ op: 'remove', items: [mug] })
    await cart.ready
    await vi.advanceTimersByTimeAsync(5000)
    expect(events).toHaveLength(1)
  })

  it('reports an emptied cart as an empty cart and get() as undefined', async () => {
    const cart = make(memoryStore())
    cart.set(cartOf(tee))
    await cart.ready
    await vi.advanceTimersByTimeAsync(1000)
    cart.apply({ op: 'remove', items: [{ ...tee, quantity: 5 }] })
    await cart.ready
    expect(cart.get()).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1000)
    expect(events[1]).toEqual(['cart.updated', { items: [], value: 0, currency: '' }])
  })

  it('normalises what a page hands to set()', async () => {
    const cart = make(memoryStore())
    // biome-ignore lint/suspicious/noExplicitAny: a page's untyped call.
    cart.set({ currency: 'USD', items: [{ id: 42, price: '19.99', quantity: '3' }, { price: 1 }] } as any)
    await cart.ready
    expect(cart.get()).toEqual({
      currency: 'USD',
      value: 59.97,
      items: [{ id: '42', price: 19.99, quantity: 3 }],
    })
  })

  it('tells subscribers about every change, undebounced, until they unsubscribe', async () => {
    const cart = make(memoryStore())
    const seen: Array<Cart | undefined> = []
    const off = cart.subscribe((c) => seen.push(c))
    cart.set(cartOf(tee))
    cart.apply({ op: 'add', items: [mug] })
    await cart.ready
    expect(seen).toEqual([cartOf(tee), cartOf(tee, mug)])
    off()
    cart.set(undefined)
    await cart.ready
    expect(seen).toHaveLength(2)
  })
})

describe('createCart: persistence across visits', () => {
  it('a later visit sees the cart and when it changed, without re-reporting it', async () => {
    const store = memoryStore()
    const first = make(store)
    first.set(cartOf(tee))
    await first.ready
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toHaveLength(1)

    clock += 2 * DAY
    const later = make(store)
    expect(later.get()).toBeUndefined()
    await later.ready
    expect(later.get()).toEqual(cartOf(tee))
    expect(later.lastChangedAt()).toBe(T0)
    await vi.advanceTimersByTimeAsync(5000)
    expect(events).toHaveLength(1)
  })

  it('applies a delta pushed before the store answered on top of the stored cart', async () => {
    const store = memoryStore()
    const first = make(store)
    first.set(cartOf(tee))
    await first.ready
    await vi.advanceTimersByTimeAsync(1000)

    const later = make(store)
    // As the data layer reader does at start-up, in the same tick as createCart.
    later.apply({ op: 'add', items: [mug], currency: 'EUR' })
    await later.ready
    expect(later.get()).toEqual(cartOf(tee, mug))
  })

  it('reports on the next visit a change the visitor left before the debounce ran', async () => {
    const store = memoryStore()
    const first = make(store)
    first.set(cartOf(tee))
    await first.ready
    vi.clearAllTimers() // the tab navigated away inside the debounce
    expect(events).toEqual([])

    const later = make(store)
    await later.ready
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toEqual([['cart.updated', cartOf(tee)]])
    // …once.
    const third = make(store)
    await third.ready
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toHaveLength(1)
  })

  it('keeps working in memory when the store fails', async () => {
    const broken: CartStore = {
      get: () => Promise.reject(new Error('blocked')),
      set: () => Promise.reject(new Error('quota')),
    }
    const cart = make(broken)
    cart.set(cartOf(tee))
    await cart.ready
    expect(cart.get()).toEqual(cartOf(tee))
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toEqual([['cart.updated', cartOf(tee)]])
  })
})

describe('createCart: purchase and attribution', () => {
  it('flushes the pending cart.updated, reports the purchase and empties the cart', async () => {
    const cart = make(memoryStore())
    const seen: Array<Cart | undefined> = []
    cart.subscribe((c) => seen.push(c))
    cart.set(cartOf(tee, mug))
    cart.purchase({ orderId: 'T_1', value: 25.5, currency: 'EUR' })
    await cart.ready
    expect(events).toEqual([
      ['cart.updated', cartOf(tee, mug)],
      ['purchase', { orderId: 'T_1', value: 25.5, currency: 'EUR', items: [tee, mug] }],
    ])
    expect(cart.get()).toBeUndefined()
    expect(cart.lastChangedAt()).toBeUndefined()
    expect(seen.at(-1)).toBeUndefined()
    await vi.advanceTimersByTimeAsync(5000)
    expect(events).toHaveLength(2)
  })

  it('reports a purchase under the event id its call was given (one event wherever it is made)', async () => {
    const cart = make(memoryStore())
    cart.purchase({ orderId: 'T_3', value: 1, currency: 'EUR' }, 'id-from-the-call')
    await cart.ready
    expect(events.map(([type]) => type)).toEqual(['purchase'])
    expect(ids).toEqual(['id-from-the-call'])
  })

  it('uses the order items and currency when given, and reports an order id once', async () => {
    const store = memoryStore()
    const cart = make(store)
    cart.purchase({ orderId: 'T_2', value: 10, currency: 'USD', items: [tee] })
    cart.purchase({ orderId: 'T_2', value: 10, currency: 'USD', items: [tee] })
    await cart.ready
    // The thank-you page reloaded: a later instance sees the same data layer purchase.
    const reload = make(store)
    reload.purchase({ orderId: 'T_2', value: 10, currency: 'USD', items: [tee] })
    await reload.ready
    expect(events).toEqual([['purchase', { orderId: 'T_2', value: 10, currency: 'USD', items: [tee] }]])
  })

  it('attributes a purchase inside the window to the most recent exposure', async () => {
    const cart = make(memoryStore())
    cart.set(cartOf(tee))
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    clock += DAY
    cart.addShown('cart-rescue-2', 'b', false)
    await cart.ready
    clock += 4 * DAY // 5 days after the first, 4 after the latest
    cart.purchase({ orderId: 'T_3', value: 20, currency: 'EUR' })
    await cart.ready
    expect(events.at(-1)).toEqual([
      'purchase',
      {
        orderId: 'T_3',
        value: 20,
        currency: 'EUR',
        items: [tee],
        recoveredBy: {
          campaignId: 'cart-rescue-2',
          variant: 'b',
          heldOut: false,
          shownAt: new Date(T0 + DAY).toISOString(),
        },
      },
    ])
  })

  it('attributes to a held-out exposure the same way, so the collector can measure lift', async () => {
    const cart = make(memoryStore())
    cart.addShown('cart-rescue', undefined, true)
    await cart.ready
    clock += 3 * DAY
    cart.purchase({ orderId: 'T_4', value: 20, currency: 'EUR' })
    await cart.ready
    expect(events[0]?.[1].recoveredBy).toEqual({
      campaignId: 'cart-rescue',
      heldOut: true,
      shownAt: new Date(T0).toISOString(),
    })
  })

  it('attributes a purchase exactly 5 days after the exposure (the window is inclusive)', async () => {
    const cart = make(memoryStore())
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    clock += 5 * DAY
    cart.purchase({ orderId: 'T_5a', value: 20, currency: 'EUR' })
    await cart.ready
    expect(events[0]?.[1].recoveredBy).toMatchObject({ campaignId: 'cart-rescue' })
  })

  it('does not attribute a purchase after the 5-day default window', async () => {
    const cart = make(memoryStore())
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    clock += 5 * DAY + 1
    cart.purchase({ orderId: 'T_5', value: 20, currency: 'EUR' })
    await cart.ready
    expect(events[0]?.[1]).not.toHaveProperty('recoveredBy')
  })

  it('takes the window from attributionDays', async () => {
    const cart = make(memoryStore(), { attributionDays: 1 })
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    clock += DAY / 2
    cart.purchase({ orderId: 'T_6', value: 20, currency: 'EUR' })
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    clock += DAY + 1
    cart.purchase({ orderId: 'T_7', value: 20, currency: 'EUR' })
    await cart.ready
    expect(
      events.map(([, p]) => [p.orderId, (p.recoveredBy as { campaignId?: string })?.campaignId]),
    ).toEqual([
      ['T_6', 'cart-rescue'],
      ['T_7', undefined],
    ])
  })

  it('attributes on a later visit, and one exposure recovers one purchase', async () => {
    const store = memoryStore()
    const first = make(store)
    first.set(cartOf(tee))
    first.addShown('cart-rescue', 'a', false)
    await first.ready
    await vi.advanceTimersByTimeAsync(1000)

    clock += 2 * DAY
    const later = make(store)
    later.purchase({ orderId: 'T_8', value: 20, currency: 'EUR' })
    later.purchase({ orderId: 'T_9', value: 5, currency: 'EUR' })
    await later.ready
    const purchases = events.filter(([t]) => t === 'purchase').map(([, p]) => p)
    expect(purchases[0]).toMatchObject({
      orderId: 'T_8',
      items: [tee],
      recoveredBy: { campaignId: 'cart-rescue' },
    })
    expect(purchases[1]).toEqual({ orderId: 'T_9', value: 5, currency: 'EUR', items: [] })
  })
})

describe('createCart: forget', () => {
  it('drops the cart, the exposure and the pending report, in memory and in the store', async () => {
    const store = memoryStore()
    const cart = make(store)
    const seen: Array<Cart | undefined> = []
    cart.subscribe((c) => seen.push(c))
    cart.set(cartOf(tee))
    cart.addShown('cart-rescue', 'a', false)
    await cart.ready
    expect(store.data.has('cart')).toBe(true)
    await cart.forget()
    expect(cart.get()).toBeUndefined()
    expect(cart.lastChangedAt()).toBeUndefined()
    expect(seen).toEqual([cartOf(tee), undefined])
    expect(store.data.has('cart')).toBe(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(events).toEqual([])

    const later = make(store)
    later.purchase({ orderId: 'T_10', value: 20, currency: 'EUR' })
    await later.ready
    expect(later.get()).toBeUndefined()
    expect(events).toEqual([['purchase', { orderId: 'T_10', value: 20, currency: 'EUR', items: [] }]])
  })

  it('overwrites the key when the store cannot delete', async () => {
    const store = memoryStore()
    const { delMany: _, ...noDel } = store
    const cart = make(noDel)
    cart.set(cartOf(tee))
    await cart.ready
    await cart.forget()
    expect(store.data.get('cart')).toBeUndefined()
  })
})

describe('createCart: several tabs', () => {
  // Two tabs of one site: one store (the origin's IndexedDB), one BroadcastChannel name.
  const twoTabs = () => {
    const store = memoryStore()
    const channels = [new BroadcastChannel('cart-test'), new BroadcastChannel('cart-test')]
    const [a, b] = channels.map((channel) =>
      createCart({ store, emit, now, debounceMs: 1000, channel: channel as unknown as CartChannel }),
    )
    return {
      a: a!,
      b: b!,
      store,
      close: () => {
        for (const c of channels) c.close()
      },
    }
  }

  it('adds up items put in the cart from two tabs, reported once, by the tab that changed it last', async () => {
    const { a, b, store, close } = twoTabs()
    await Promise.all([a.ready, b.ready])
    a.set(cartOf(tee))
    await vi.waitFor(() => expect(b.get()).toEqual(cartOf(tee)))
    b.apply({ op: 'add', items: [mug] })
    await vi.waitFor(() => expect(a.get()).toEqual(cartOf(tee, mug)))
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toEqual([['cart.updated', cartOf(tee, mug)]])
    expect((store.data.get('cart') as { cart: Cart }).cart).toEqual(cartOf(tee, mug))
    close()
  })

  it('a purchase in one tab empties the cart in the other', async () => {
    const { a, b, close } = twoTabs()
    const seen: Array<Cart | undefined> = []
    b.subscribe((cart) => seen.push(cart))
    a.set(cartOf(tee))
    await vi.waitFor(() => expect(b.get()).toEqual(cartOf(tee)))
    a.purchase({ orderId: 'o-1', value: 20, currency: 'EUR' })
    await vi.waitFor(() => expect(b.get()).toBeUndefined())
    expect(seen).toEqual([cartOf(tee), undefined])
    // The bought order is known in both tabs: a thank-you page reloaded in the other one counts once.
    b.purchase({ orderId: 'o-1', value: 20, currency: 'EUR' })
    await b.ready
    expect(events.filter(([type]) => type === 'purchase')).toHaveLength(1)
    close()
  })

  it("ignores the shared channel's other messages (consent, forget)", async () => {
    const { a, b, close } = twoTabs()
    a.set(cartOf(tee))
    await vi.waitFor(() => expect(b.get()).toEqual(cartOf(tee)))
    const seen: Array<Cart | undefined> = []
    b.subscribe((cart) => seen.push(cart))
    const core = new BroadcastChannel('cart-test')
    core.postMessage(false)
    core.postMessage('forget')
    // A cart message last: once it arrives, the two before it have too (one sender keeps order).
    core.postMessage({ cartState: { cart: cartOf(tee, mug) } })
    await vi.waitFor(() => expect(b.get()).toEqual(cartOf(tee, mug)))
    expect(seen).toEqual([cartOf(tee, mug)])
    core.close()
    close()
  })

  it('forget() in one tab empties the cart in the other', async () => {
    const { a, b, close } = twoTabs()
    a.set(cartOf(tee))
    await vi.waitFor(() => expect(b.get()).toEqual(cartOf(tee)))
    await a.forget()
    await vi.waitFor(() => expect(b.get()).toBeUndefined())
    close()
  })
})
