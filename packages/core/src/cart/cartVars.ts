import type { Cart } from '../types'

/**
 * Text for `{{cart.count}}` (sum of quantities), `{{cart.value}}` (formatted in `locale`),
 * `{{cart.currency}}` and `{{cart.items}}` (names, comma-joined). Plain text, never HTML.
 */
export function cartVars(cart: Cart | undefined, locale?: string): Record<string, string> {
  const items = cart?.items ?? []
  const value = cart?.value ?? 0
  const currency = cart?.currency ?? ''
  let v = ''
  // A bad locale tag falls back to the browser's, a bad currency code to a plain number.
  for (const [l, c] of [[locale, currency], [undefined, currency], [locale], []]) {
    try {
      v = new Intl.NumberFormat(l, c ? { style: 'currency', currency: c } : {}).format(value)
      break
    } catch {}
  }
  return {
    'cart.count': String(items.reduce((n, i) => n + i.quantity, 0)),
    'cart.value': v,
    'cart.currency': currency,
    'cart.items': items.map((i) => i.name || i.id).join(', '),
  }
}
