import type { Cart, CartItem } from '../types'

/** A finite number from a number or numeric string, else `d`. */
export const num = (x: unknown, d = 0): number => {
  const v = Number(x ?? d)
  return Number.isFinite(v) ? v : d
}

/**
 * Normalises a cart from any source: string ids, numeric prices and quantities (1 when
 * absent), lines without an id or with quantity ≤ 0 dropped, value summed from the lines
 * when the source gives none. `undefined` when no line is left.
 */
export function toCart(items: unknown, currency: unknown, value?: unknown): Cart | undefined {
  const lines: CartItem[] = []
  let sum = 0
  for (const i of Array.isArray(items) ? items : []) {
    const line: CartItem = i?.id != null && {
      ...i,
      id: `${i.id}`,
      price: num(i.price),
      quantity: num(i.quantity, 1),
    }
    if (line?.id && line.quantity > 0) sum += lines.push(line) && line.price * line.quantity
  }
  // Sums drift (19.99 * 3 = 59.970000000000006); no currency has more than 4 decimals.
  if (lines.length)
    return {
      items: lines,
      value: Math.round(Math.max(0, num(value, sum)) * 1e6) / 1e6,
      currency: `${currency ?? ''}`,
    }
}
