import { customerGroup } from './customerGroup'
import type { EmailSegments, Order } from './types'

/** Customers who gave an email (an `identify` with `traits.email`) vs anonymous ones, and their LTV ratio. */
export function emailSegments(
  withEmail: Set<string>,
  customers: Map<string, Order[]>,
  currency: string | null,
): EmailSegments {
  const groups: Record<'withEmail' | 'identifiedWithoutEmail' | 'anonymous', Order[][]> = {
    withEmail: [],
    identifiedWithoutEmail: [],
    anonymous: [],
  }
  for (const [customer, orders] of customers) {
    const key = withEmail.has(customer)
      ? 'withEmail'
      : customer.startsWith('u:')
        ? 'identifiedWithoutEmail'
        : 'anonymous'
    groups[key].push(orders)
  }
  const email = customerGroup(groups.withEmail, currency)
  const anonymous = customerGroup(groups.anonymous, currency)
  return {
    withEmail: email,
    identifiedWithoutEmail: customerGroup(groups.identifiedWithoutEmail, currency),
    anonymous,
    ltvRatio:
      email.revenuePerCustomer !== null && anonymous.revenuePerCustomer
        ? email.revenuePerCustomer / anonymous.revenuePerCustomer
        : null,
  }
}
