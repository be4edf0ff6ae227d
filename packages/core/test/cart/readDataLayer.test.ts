import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type CartDelta, createCart, readDataLayer } from '../../src/cart'
import type { Order } from '../../src/types'
import { memoryStore } from './memoryStore'

// Payloads as in Google's GA4 ecommerce guide (developers.google.com/analytics/devguides/collection/ga4/ecommerce, GTM tab).
const teeItem = {
  item_id: 'SKU_12345',
  item_name: 'Stan and Friends Tee',
  affiliation: 'Google Merchandise Store',
  coupon: 'SUMMER_FUN',
  discount: 2.22,
  index: 0,
  item_brand: 'Google',
  item_category: 'Apparel',
  item_category2: 'Adult',
  item_category3: 'Shirts',
  item_category4: 'Crew',
  item_category5: 'Short sleeve',
  item_list_id: 'related_products',
  item_list_name: 'Related Products',
  item_variant: 'green',
  location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
  price: 9.99,
  quantity: 1,
}
const addToCart = { event: 'add_to_cart', ecommerce: { currency: 'USD', value: 7.77, items: [teeItem] } }
const removeFromCart = {
  event: 'remove_from_cart',
  ecommerce: { currency: 'USD', value: 7.77, items: [teeItem] },
}
const viewCart = { event: 'view_cart', ecommerce: { currency: 'USD', value: 7.77, items: [teeItem] } }
const beginCheckout = {
  event: 'begin_checkout',
  ecommerce: { currency: 'USD', value: 7.77, coupon: 'SUMMER_FUN', items: [teeItem] },
}
const purchase = {
  event: 'purchase',
  ecommerce: {
    transaction_id: 'T_12345',
    // Sum of (price * quantity) for all items.
    value: 72.05,
    tax: 3.6,
    shipping: 5.99,
    currency: 'USD',
    coupon: 'SUMMER_SALE',
    customer_type: 'new',
    items: [
      { ...teeItem, price: 10.01, quantity: 3 },
      {
        item_id: 'SKU_12346',
        item_name: "Google Grey Women's Tee",
        affiliation: 'Google Merchandise Store',
        coupon: 'SUMMER_FUN',
        discount: 3.33,
        index: 1,
        item_brand: 'Google',
        item_category: 'Apparel',
        item_category2: 'Adult',
        item_category3: 'Shirts',
        item_category4: 'Crew',
        item_category5: 'Short sleeve',
        item_list_id: 'related_products',
        item_list_name: 'Related Products',
        item_variant: 'gray',
        location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
        price: 21.01,
        promotion_id: 'P_12345',
        promotion_name: 'Summer Sale',
        quantity: 2,
      },
    ],
  },
}
const reset = { ecommerce: null }
const tee = { id: 'SKU_12345', name: 'Stan and Friends Tee', price: 9.99, quantity: 1 }

type Win = Window & { dataLayer?: unknown[] } & Record<string, unknown>
let win: Win
let deltas: CartDelta[]
let orders: Order[]
let stop: () => void
const start = (w: Win = win, name?: string) => {
  stop = readDataLayer(w, { name, onCart: (d) => deltas.push(d), onPurchase: (o) => orders.push(o) })
  return stop
}
// gtag() pushes its `arguments` object.
function gtagArgs(..._: unknown[]) {
  // biome-ignore lint/complexity/noArguments: gtag's snippet pushes exactly this object.
  return arguments
}

beforeEach(() => {
  win = {} as Win
  deltas = []
  orders = []
})
afterEach(() => stop?.())

describe('readDataLayer', () => {
  it('reads the messages already in the data layer, then every push', () => {
    win.dataLayer = [{ 'gtm.start': 1, event: 'gtm.js' }, reset, addToCart]
    start()
    // An add/remove value is GA4's value of those lines; applyDelta ignores it.
    expect(deltas).toEqual([{ op: 'add', items: [tee], currency: 'USD', value: 7.77 }])
    win.dataLayer?.push(reset, removeFromCart)
    expect(deltas[1]).toEqual({ op: 'remove', items: [tee], currency: 'USD', value: 7.77 })
  })

  it('creates the data layer when the page has none yet, as the GTM snippet would', () => {
    start()
    expect(Array.isArray(win.dataLayer)).toBe(true)
    win.dataLayer?.push(addToCart)
    expect(deltas).toHaveLength(1)
  })

  it('turns view_cart and begin_checkout into the full cart, keeping the source value', () => {
    start()
    win.dataLayer?.push(viewCart)
    win.dataLayer?.push({
      event: 'begin_checkout',
      ecommerce: { ...beginCheckout.ecommerce, value: undefined },
    })
    expect(deltas).toEqual([
      { op: 'set', items: [tee], currency: 'USD', value: 7.77 },
      // No value: summed from the items.
      { op: 'set', items: [tee], currency: 'USD', value: 9.99 },
    ])
  })

  it('turns purchase into an order keyed by transaction_id', () => {
    start()
    win.dataLayer?.push(reset, purchase)
    expect(orders).toEqual([
      {
        orderId: 'T_12345',
        value: 72.05,
        currency: 'USD',
        items: [
          { id: 'SKU_12345', name: 'Stan and Friends Tee', price: 10.01, quantity: 3 },
          { id: 'SKU_12346', name: "Google Grey Women's Tee", price: 21.01, quantity: 2 },
        ],
      },
    ])
    expect(deltas).toEqual([])
  })

  it('reads gtag-style pushes (an arguments object)', () => {
    start()
    win.dataLayer?.push(gtagArgs('js', new Date()))
    win.dataLayer?.push(gtagArgs('event', 'add_to_cart', addToCart.ecommerce))
    win.dataLayer?.push(gtagArgs('event', 'purchase', purchase.ecommerce))
    expect(deltas).toEqual([{ op: 'add', items: [tee], currency: 'USD', value: 7.77 }])
    expect(orders.map((o) => o.orderId)).toEqual(['T_12345'])
  })

  it('accepts string numbers, item_name without item_id, and GA4 quantity defaulting to 1', () => {
    start()
    win.dataLayer?.push({
      event: 'add_to_cart',
      ecommerce: {
        items: [
          { item_name: 'Product 1', price: '11.99' },
          { item_id: 'p2', price: 5, quantity: '2' },
        ],
      },
    })
    expect(deltas[0]?.items).toEqual([
      { id: 'Product 1', name: 'Product 1', price: 11.99, quantity: 1 },
      { id: 'p2', price: 5, quantity: 2 },
    ])
  })

  it('ignores junk and never throws into the page', () => {
    start()
    const hostile = {
      get event() {
        throw new Error('getter')
      },
    }
    const junk = [
      null,
      undefined,
      42,
      'add_to_cart',
      [],
      hostile,
      { event: 'add_to_cart' },
      { event: 'add_to_cart', ecommerce: 'x' },
      { event: 'purchase', ecommerce: { value: 10, items: [teeItem] } },
      { event: 'view_item', ecommerce: viewCart.ecommerce },
      { event: '__proto__', ecommerce: {} },
      { event: 'toString', ecommerce: {} },
      { event: 'add_to_cart', ecommerce: { items: [null, 7, { price: 1 }, { item_id: '' }] } },
    ]
    for (const j of junk) expect(() => win.dataLayer?.push(j)).not.toThrow()
    expect(orders).toEqual([])
    expect(deltas.every((d) => d.op === 'add' && d.items.length === 0)).toBe(true)
  })

  it('contains a throwing handler', () => {
    stop = readDataLayer(win, {
      onCart: () => {
        throw new Error('handler')
      },
      onPurchase: () => {},
    })
    expect(() => win.dataLayer?.push(addToCart)).not.toThrow()
  })

  it('keeps the push return value and a wrapper installed before it (GTM)', () => {
    const gtmSeen: unknown[] = []
    const dl: unknown[] = []
    const native = dl.push
    // GTM replaces push with a function that processes the message and returns a boolean-ish value.
    dl.push = function (this: unknown[], ...a: unknown[]) {
      native.apply(this, a)
      gtmSeen.push(...a)
      return 'gtm' as unknown as number
    }
    win.dataLayer = dl
    start()
    expect(win.dataLayer.push(addToCart)).toBe('gtm')
    expect(gtmSeen).toEqual([addToCart])
    expect(deltas).toHaveLength(1)
    expect([...dl]).toEqual([addToCart])
  })

  it('keeps the array length as the return value of a plain push', () => {
    win.dataLayer = [reset]
    start()
    expect(win.dataLayer.push(addToCart, viewCart)).toBe(3)
    expect(deltas.map((d) => d.op)).toEqual(['add', 'set'])
  })

  it('keeps working under a wrapper installed after it, and stops cleanly', () => {
    start()
    const ours = win.dataLayer?.push as (...a: unknown[]) => number
    const later: unknown[] = []
    ;(win.dataLayer as unknown[]).push = function (this: unknown[], ...a: unknown[]) {
      later.push(...a)
      return ours.apply(this, a)
    }
    win.dataLayer?.push(addToCart)
    expect(later).toHaveLength(1)
    expect(deltas).toHaveLength(1)
    stop()
    win.dataLayer?.push(addToCart)
    expect(later).toHaveLength(2)
    expect(deltas).toHaveLength(1)
    expect(win.dataLayer).toHaveLength(2)
  })

  it('restores the original push on stop when nobody wrapped it since', () => {
    win.dataLayer = []
    const original = win.dataLayer.push
    start()()
    expect(win.dataLayer.push).toBe(original)
  })

  it('reads a data layer under another name, and leaves a non-array alone', () => {
    win.shopLayer = [addToCart]
    start(win, 'shopLayer')
    expect(deltas).toHaveLength(1)
    const odd = { dataLayer: { push: 1 } } as unknown as Win
    expect(() => start(odd)()).not.toThrow()
    expect(odd.dataLayer).toEqual({ push: 1 })
  })

  it('runs on the real window', () => {
    const w = window as unknown as Win
    w.dataLayer = [reset, addToCart]
    start(w)
    w.dataLayer.push(removeFromCart)
    stop()
    delete w.dataLayer
    expect(deltas.map((d) => d.op)).toEqual(['add', 'remove'])
  })
})

describe('readDataLayer into createCart', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('builds the cart from deltas and reports the purchase', async () => {
    const events: Array<[string, Record<string, unknown>]> = []
    const cart = createCart({ store: memoryStore(), emit: (t, p) => events.push([t, p]), now: () => 0 })
    win.dataLayer = [reset, addToCart]
    stop = readDataLayer(win, { onCart: cart.apply, onPurchase: cart.purchase })
    win.dataLayer.push(reset, {
      event: 'add_to_cart',
      ecommerce: { currency: 'USD', items: [{ ...teeItem, quantity: 2 }] },
    })
    win.dataLayer.push(reset, {
      event: 'add_to_cart',
      ecommerce: { currency: 'USD', items: [purchase.ecommerce.items[1]] },
    })
    win.dataLayer.push(reset, removeFromCart)
    await cart.ready
    expect(cart.get()).toEqual({
      currency: 'USD',
      value: 62,
      items: [
        { ...tee, quantity: 2 },
        { id: 'SKU_12346', name: "Google Grey Women's Tee", price: 21.01, quantity: 2 },
      ],
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toHaveLength(1)
    win.dataLayer.push(reset, purchase)
    await cart.ready
    expect(events.map(([t]) => t)).toEqual(['cart.updated', 'purchase'])
    expect(cart.get()).toBeUndefined()
  })
})
