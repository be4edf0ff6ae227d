import type { Cart } from '../types'
import { toCart } from './toCart'
import type { CartDelta } from './types'

/**
 * The cart after a change: `set` replaces it; `add`/`remove` adjust the quantity of the line
 * with the same id (a line at 0 goes) and move the value by the lines' price, so a total
 * that included a discount keeps it.
 */
export function applyDelta(cart: Cart | undefined, d: CartDelta): Cart | undefined {
  const currency = d.currency || cart?.currency
  if (d.op === 'set') return toCart(d.items, currency, d.value)
  const items = cart?.items.slice() ?? []
  let value = cart?.value ?? 0
  for (const it of toCart(d.items, '')?.items ?? []) {
    const k = items.findIndex((i) => i.id === it.id)
    const old = items[k]
    const q = old?.quantity ?? 0
    const nq = Math.max(0, d.op === 'add' ? q + it.quantity : q - it.quantity)
    value += (nq - q) * (old ?? it).price
    if (old) items[k] = { ...it, ...old, quantity: nq }
    else if (nq) items.push(it)
  }
  return toCart(items, currency, value)
}
