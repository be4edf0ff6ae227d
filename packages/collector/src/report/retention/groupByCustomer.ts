import type { Order } from './types'

/** Orders per customer, in the (time) order given. */
export function groupByCustomer(orders: Order[]): Map<string, Order[]> {
  const byCustomer = new Map<string, Order[]>()
  for (const order of orders) {
    const list = byCustomer.get(order.customer)
    if (list) list.push(order)
    else byCustomer.set(order.customer, [order])
  }
  return byCustomer
}
