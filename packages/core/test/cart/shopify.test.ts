import { describe, expect, it, vi } from 'vitest'
import { cartVars } from '../../src/cart'
import { readShopifyCart, watchShopifyCart } from '../../src/cart/shopify'
import eur from './fixtures/shopify-cart-eur.json'
import jpy from './fixtures/shopify-cart-jpy.json'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('readShopifyCart', () => {
  it('reads a recorded /cart.js: minor units to major, discounted unit prices, the paid total', async () => {
    const fetchFn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => json(eur))
    const cart = await readShopifyCart(fetchFn as typeof fetch)
    expect(fetchFn).toHaveBeenCalledWith('/cart.js', expect.objectContaining({ credentials: 'same-origin' }))
    expect(cart).toEqual({
      currency: 'EUR',
      value: 77.4,
      items: [
        {
          id: '44521883746523',
          name: 'Organic Cotton Tee',
          price: 25.2,
          quantity: 2,
          image: 'https://cdn.shopify.com/s/files/1/0612/3456/7890/files/tee-sage.jpg?v=1712345678',
          url: '/products/organic-cotton-tee?variant=44521883746523',
        },
        {
          id: '44521883779291',
          name: 'Stoneware Mug',
          price: 27,
          quantity: 1,
          image: 'https://cdn.shopify.com/s/files/1/0612/3456/7890/files/mug.jpg?v=1712345999',
          url: '/products/stoneware-mug?variant=44521883779291',
        },
      ],
    })
    expect(cartVars(cart, 'en-US')).toEqual({
      'cart.count': '3',
      'cart.value': '€77.40',
      'cart.currency': 'EUR',
      'cart.items': 'Organic Cotton Tee, Stoneware Mug',
    })
  })

  it('reads JPY, which Shopify also keeps in hundredths (¥4,500 is 450000)', async () => {
    const cart = await readShopifyCart((async () => json(jpy)) as typeof fetch)
    expect(cart).toEqual({
      currency: 'JPY',
      value: 4500,
      items: [
        {
          id: '45012345678901',
          name: '抹茶セット',
          price: 1500,
          quantity: 3,
          url: '/products/matcha-set?variant=45012345678901',
        },
      ],
    })
    expect(cartVars(cart, 'ja-JP')['cart.value']).toBe('￥4,500')
    expect(cartVars(cart, 'en-US')['cart.value']).toBe('¥4,500')
  })

  it('falls back to title and price for older or partial responses', async () => {
    const cart = await readShopifyCart((async () =>
      json({
        currency: 'USD',
        total_price: 1999,
        items: [{ id: 7, title: 'Gift card', price: 1999, quantity: 1 }],
      })) as typeof fetch)
    expect(cart?.items).toEqual([{ id: '7', name: 'Gift card', price: 19.99, quantity: 1 }])
  })

  it('prefixes the base and reads an empty cart as a cart without items', async () => {
    const fetchFn = vi.fn(async () => json({ ...eur, items: [], item_count: 0, total_price: 0 }))
    expect(await readShopifyCart(fetchFn as typeof fetch, '/fr')).toEqual({
      items: [],
      value: 0,
      currency: 'EUR',
    })
    expect(fetchFn).toHaveBeenCalledWith('/fr/cart.js', expect.anything())
  })

  it('resolves undefined when the store did not answer with a cart', async () => {
    const failing = [
      async () => json({ errors: 'oops' }, 500),
      async () => json({ message: 'not a cart' }),
      async () => new Response('<html>', { status: 200 }),
      async () => {
        throw new TypeError('Failed to fetch')
      },
    ]
    for (const f of failing) expect(await readShopifyCart(f as typeof fetch)).toBeUndefined()
  })
})

describe('watchShopifyCart', () => {
  type FakeWin = Window & { fetch: typeof fetch; XMLHttpRequest: typeof XMLHttpRequest }
  // A theme's fetch: answers cart calls and /cart.js with the current cart.
  function shop() {
    let current: unknown = { ...eur, items: [], item_count: 0, total_price: 0 }
    const calls: string[] = []
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = String((input as Request).url ?? input)
      calls.push(url)
      if (url.includes('/cart/add')) {
        current = eur
        return json(eur.items[0])
      }
      if (url.includes('/cart/clear')) return json({ status: 500 }, 500)
      if (url.endsWith('/cart.js')) return json(current)
      return json({})
    })
    return { win: { fetch } as unknown as FakeWin, calls }
  }

  it('re-reads /cart.js after a successful cart call and not after others', async () => {
    const { win, calls } = shop()
    const onCart = vi.fn()
    const stop = watchShopifyCart(win, onCart)
    const res = await win.fetch('/cart/add.js', {
      method: 'POST',
      body: '{"id":44521883746523,"quantity":2}',
    })
    expect(res.ok).toBe(true)
    await vi.waitFor(() => expect(onCart).toHaveBeenCalledTimes(1))
    expect(onCart.mock.calls[0]?.[0]).toMatchObject({ value: 77.4, currency: 'EUR' })
    await win.fetch('/products/tee.js')
    await win.fetch(new Request('http://shop.test/cart/clear.js', { method: 'POST' }))
    await new Promise((r) => setTimeout(r, 20))
    expect(onCart).toHaveBeenCalledTimes(1)
    expect(calls.filter((c) => c.endsWith('/cart.js'))).toHaveLength(1)
    stop()
  })

  it('sees locale-prefixed calls and Request objects', async () => {
    const { win } = shop()
    const onCart = vi.fn()
    const stop = watchShopifyCart(win, onCart)
    await win.fetch(new Request('http://shop.test/fr/cart/add', { method: 'POST' }))
    await vi.waitFor(() => expect(onCart).toHaveBeenCalledTimes(1))
    stop()
  })

  it('delivers only the newest read when calls overlap', async () => {
    const reads: Array<(r: Response) => void> = []
    const fetch = vi.fn((input: RequestInfo | URL) =>
      String(input).endsWith('/cart.js')
        ? new Promise<Response>((r) => reads.push(r))
        : Promise.resolve(json({})),
    )
    const win = { fetch } as unknown as FakeWin
    const onCart = vi.fn()
    const stop = watchShopifyCart(win, onCart)
    await win.fetch('/cart/change.js', { method: 'POST' })
    await win.fetch('/cart/change.js', { method: 'POST' })
    await vi.waitFor(() => expect(reads).toHaveLength(2))
    reads[1]?.(json(jpy))
    reads[0]?.(json(eur))
    await new Promise((r) => setTimeout(r, 20))
    expect(onCart).toHaveBeenCalledTimes(1)
    expect(onCart.mock.calls[0]?.[0]).toMatchObject({ currency: 'JPY' })
    stop()
  })

  it('re-reads after XMLHttpRequest cart calls (jQuery themes)', async () => {
    const { win } = shop()
    class FakeXhr extends EventTarget {
      status = 0
      url = ''
      open(_method: string, url: string) {
        this.url = url
      }
      send() {
        this.status = 200
        this.dispatchEvent(new Event('load'))
      }
    }
    win.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest
    const originalOpen = FakeXhr.prototype.open
    const onCart = vi.fn()
    const stop = watchShopifyCart(win, onCart)
    const x = new FakeXhr()
    x.open('POST', '/cart/update.js')
    expect(x.url).toBe('/cart/update.js')
    x.send()
    await vi.waitFor(() => expect(onCart).toHaveBeenCalledTimes(1))
    stop()
    expect(FakeXhr.prototype.open).toBe(originalOpen)
    const y = new FakeXhr()
    y.open('POST', '/cart/update.js')
    y.send()
    await new Promise((r) => setTimeout(r, 20))
    expect(onCart).toHaveBeenCalledTimes(1)
  })

  it('stop() restores fetch and passes results through untouched meanwhile', async () => {
    const { win } = shop()
    const original = win.fetch
    const stop = watchShopifyCart(win, () => {})
    expect(win.fetch).not.toBe(original)
    expect(await (await win.fetch('/cart.js')).json()).toMatchObject({ currency: 'EUR' })
    stop()
    expect(win.fetch).toBe(original)
  })
})
