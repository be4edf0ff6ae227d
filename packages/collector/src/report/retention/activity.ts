import { percent } from '../stats'
import type { Activity, Order, Span } from './types'

/** Whether one of `orders` (sorted by time) falls in [from, to). */
export function orderedIn(orders: Order[], from: number, to: number): boolean {
  let lo = 0
  let hi = orders.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (orders[mid]!.ts < from) lo = mid + 1
    else hi = mid
  }
  return lo < orders.length && orders[lo]!.ts < to
}

/**
 * The seeds' formulas for one span: S active at its start, E active at its end, N with their
 * first order ever inside it, lost = active at the start and not at the end;
 * CRR = (E − N) / S, churn = lost / S, both null when S = 0. In CRR, N counts only the new
 * customers still active at the end: they are the ones inside E. Over a span shorter than
 * `activeDays` that is every new customer (the formula as written); over a longer one, new
 * customers who lapsed again would otherwise push CRR below zero.
 */
export function activity(customers: Map<string, Order[]>, span: Span): Activity {
  let customersStart = 0
  let customersEnd = 0
  let customersNew = 0
  let newStillActive = 0
  let lost = 0
  for (const orders of customers.values()) {
    const first = orders[0]!.ts
    const atStart = orderedIn(orders, span.startLookback, span.start)
    const atEnd = orderedIn(orders, span.endLookback, span.end)
    if (atStart) customersStart++
    if (atEnd) customersEnd++
    if (atStart && !atEnd) lost++
    if (first >= span.start && first < span.end) {
      customersNew++
      if (atEnd) newStillActive++
    }
  }
  return {
    customersStart,
    customersNew,
    customersEnd,
    lost,
    crr: percent(customersEnd - newStillActive, customersStart),
    churn: percent(lost, customersStart),
  }
}
