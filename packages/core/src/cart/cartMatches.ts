import type { Audience, Cart } from '../types'

export type CartRule = NonNullable<Audience['cart']>

/**
 * Whether the cart meets a rule: value within [minValue, maxValue], at least `minItems`
 * units, and every SKU id in `contains`. No cart counts as an empty one.
 */
export function cartMatches(cart: Cart | undefined, rule: CartRule): boolean {
  const items = cart?.items ?? []
  const value = cart?.value ?? 0
  return (
    (rule.minValue == null || value >= rule.minValue) &&
    (rule.maxValue == null || value <= rule.maxValue) &&
    (rule.minItems == null || items.reduce((n, i) => n + i.quantity, 0) >= rule.minItems) &&
    (rule.contains ?? []).every((id) => items.some((i) => i.id === id))
  )
}
