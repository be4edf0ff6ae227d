import type { Cohort, Order } from './types'

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1

/**
 * Groups customers by the local month of their first order, for the first-order months in
 * `months` (the report period's months, oldest first). `retained[k]` = % of the cohort who
 * ordered in month k after it, counted up to the period's last month; month 0 is 100 by
 * definition (everyone ordered then).
 */
export function cohorts(customers: Map<string, Order[]>, months: string[]): Cohort[] {
  const last = months.length ? monthIndex(months[months.length - 1]!) : 0
  const byMonth = new Map<string, { customers: number; ordered: number[] }>()
  for (const month of months) byMonth.set(month, { customers: 0, ordered: [] })
  for (const orders of customers.values()) {
    const first = orders[0]!.month
    const cohort = byMonth.get(first)
    if (!cohort) continue
    cohort.customers++
    const start = monthIndex(first)
    const seen = new Set<number>()
    for (const order of orders) seen.add(monthIndex(order.month) - start)
    for (const k of seen) cohort.ordered[k] = (cohort.ordered[k] ?? 0) + 1
  }
  const result: Cohort[] = []
  for (const [month, { customers: n, ordered }] of byMonth) {
    if (n === 0) continue
    const span = last - monthIndex(month) + 1
    const retained = Array.from({ length: span }, (_, k) => ((ordered[k] ?? 0) / n) * 100)
    result.push({ cohort: month, customers: n, retained })
  }
  return result
}
