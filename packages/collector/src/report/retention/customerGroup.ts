import { percent } from '../stats'
import type { CustomerGroup, Order } from './types'

/** Repeat rate and revenue (report currency) per customer for a set of customers who ordered. */
export function customerGroup(members: Iterable<Order[]>, currency: string | null): CustomerGroup {
  let customers = 0
  let repeaters = 0
  let revenue = 0
  for (const orders of members) {
    customers++
    if (orders.length >= 2) repeaters++
    for (const o of orders) if (o.currency === currency) revenue += o.value
  }
  return {
    customers,
    repeatRate: percent(repeaters, customers),
    revenue,
    revenuePerCustomer: customers ? revenue / customers : null,
  }
}
