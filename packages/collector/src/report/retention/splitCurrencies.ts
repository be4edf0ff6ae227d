import type { CurrencyTotals, Order } from './types'

/**
 * Totals per currency, the report currency first: `preferred` when given, else the currency of
 * most orders (ties: alphabetical, unknown last). Money in different currencies is never summed.
 */
export function splitCurrencies(orders: Order[], preferred?: string): CurrencyTotals[] {
  const totals = new Map<string | null, CurrencyTotals & { buyers: Set<string> }>()
  const wanted = preferred?.trim().toUpperCase() || undefined
  if (wanted) totals.set(wanted, { currency: wanted, orders: 0, revenue: 0, customers: 0, buyers: new Set() })
  for (const order of orders) {
    let t = totals.get(order.currency)
    if (!t) {
      t = { currency: order.currency, orders: 0, revenue: 0, customers: 0, buyers: new Set() }
      totals.set(order.currency, t)
    }
    t.orders++
    t.revenue += order.value
    t.buyers.add(order.customer)
  }
  const list = [...totals.values()].map(({ buyers, ...t }) => ({ ...t, customers: buyers.size }))
  const rank = (t: CurrencyTotals) => (wanted && t.currency === wanted ? Number.POSITIVE_INFINITY : t.orders)
  return list.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      (a.currency === null
        ? 1
        : b.currency === null
          ? -1
          : a.currency < b.currency
            ? -1
            : a.currency > b.currency
              ? 1
              : 0),
  )
}
