import type { Cart } from '../types'
import { readShopifyCart } from './readShopifyCart'

// Shopify's Ajax cart calls that change the cart (`/cart/add.js`, `/cart/change`, … also under a locale prefix).
const CHANGES = /\/cart\/(add|change|update|clear)\b/

const urlOf = (input: unknown) => String((input as Request | undefined)?.url ?? input)

/**
 * Re-reads `/cart.js` after the theme's Ajax cart calls (fetch or XMLHttpRequest) succeed
 * and hands the fresh cart to `onCart`. Only the newest read is delivered. Returns a stop
 * function.
 */
export function watchShopifyCart(win: Window, onCart: (cart: Cart) => void): () => void {
  const w = win as Window & typeof globalThis
  const f = w.fetch as typeof fetch | undefined
  const xhr = w.XMLHttpRequest?.prototype as XMLHttpRequest | undefined
  const open = xhr?.open
  let on = true
  let n = 0
  const refresh = () => {
    const k = ++n
    // Through the unwrapped fetch, so our own read is not seen as a cart call.
    readShopifyCart((i, o) => f!.call(w, i, o)).then((c) => {
      if (on && c && k === n) onCart(c)
    })
  }

  function fetchWrap(this: unknown, ...args: Parameters<typeof fetch>) {
    const p = f!.apply(this, args)
    try {
      if (on && CHANGES.test(urlOf(args[0])))
        p.then(
          (r) => r.ok && refresh(),
          () => {},
        )
    } catch {
      // Never break the theme's request.
    }
    return p
  }
  function openWrap(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      if (on && CHANGES.test(urlOf(args[1])))
        this.addEventListener('load', () => this.status >= 200 && this.status < 300 && refresh())
    } catch {
      // As above.
    }
    return (open as (...a: unknown[]) => void).apply(this, args)
  }

  if (f) w.fetch = fetchWrap
  if (xhr) xhr.open = openWrap as XMLHttpRequest['open']
  return () => {
    on = false
    if (f && w.fetch === fetchWrap) w.fetch = f
    if (xhr?.open === openWrap) xhr.open = open!
  }
}
