import type { Projection } from './types'

const DAYS_PER_MONTH = 365.2425 / 12

/**
 * A projected (not measured) lifetime value: AOV × orders per active customer per month ×
 * expected lifetime in months, where lifetime = 1 / monthly churn and the period's churn is
 * turned into a monthly rate geometrically (1 − (1 − churn)^(1 / months)). Null when any input
 * is undefined, including zero churn (an unbounded lifetime is no forecast).
 */
export function projectLtv(input: {
  aov: number | null
  ordersInPeriod: number
  customersStart: number
  customersEnd: number
  churn: number | null
  periodMs: number
}): { projectedLtv: number | null; projection: Projection } {
  const months = input.periodMs / 86_400_000 / DAYS_PER_MONTH
  const active = (input.customersStart + input.customersEnd) / 2
  const ordersPerCustomerPerMonth = active > 0 && months > 0 ? input.ordersInPeriod / active / months : null
  const churn = input.churn === null ? null : input.churn / 100
  const monthly = churn === null || months <= 0 ? null : 1 - (1 - churn) ** (1 / months)
  const lifetime = monthly ? 1 / monthly : null
  const projection: Projection = {
    ordersPerCustomerPerMonth,
    monthlyChurn: monthly === null ? null : monthly * 100,
    expectedLifetimeMonths: lifetime,
  }
  const projectedLtv =
    input.aov !== null && ordersPerCustomerPerMonth !== null && lifetime !== null
      ? input.aov * ordersPerCustomerPerMonth * lifetime
      : null
  return { projectedLtv, projection }
}
