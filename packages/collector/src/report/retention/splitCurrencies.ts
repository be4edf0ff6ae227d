import { isIsoCurrency } from '../isIsoCurrency'
import type { CurrencyTotals, Order } from './types'

/**
 * Totals per currency, the report currency first: `preferred` when given, else the currency of
 * most orders (ties: alphabetical, none last). Money in different currencies is never summed.
 * Currencies that are not ISO 4217 codes ("€", "US$") are never the report currency: they come
 * back apart, in `unknown`.
 */
export function splitCurrencies(
  orders: Order[],
  preferred?: string,
): { totals: CurrencyTotals[]; unknown: CurrencyTotals[] } {
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
  const all = [...totals.values()].map(({ buyers, ...t }) => ({ ...t, customers: buyers.size }))
  const known = (t: CurrencyTotals) => t.currency === null || isIsoCurrency(t.currency)
  const list = all.filter(known)
  const rank = (t: CurrencyTotals) => (wanted && t.currency === wanted ? Number.POSITIVE_INFINITY : t.orders)
  const byRank = (a: CurrencyTotals, b: CurrencyTotals) =>
    rank(b) - rank(a) ||
    (a.currency === null
      ? 1
      : b.currency === null
        ? -1
        : a.currency < b.currency
          ? -1
          : a.currency > b.currency
            ? 1
            : 0)
  return { totals: list.sort(byRank), unknown: all.filter((t) => !known(t)).sort(byRank) }
}
