import { customerGroup } from './customerGroup'
import type { NpsSegment, Order } from './types'

const groupOf = (score: number): NpsSegment['group'] =>
  score >= 9 ? 'promoters' : score <= 6 ? 'detractors' : 'passives'

/** Customers by their latest NPS answer (9–10 promoters, 7–8 passives, 0–6 detractors). */
export function npsSegments(
  scores: Map<string, number>,
  customers: Map<string, Order[]>,
  currency: string | null,
): NpsSegment[] {
  const members: Record<NpsSegment['group'], Order[][]> = { promoters: [], passives: [], detractors: [] }
  for (const [customer, score] of scores) {
    const orders = customers.get(customer)
    if (orders) members[groupOf(score)].push(orders)
  }
  return (['promoters', 'passives', 'detractors'] as const).map((group) => ({
    group,
    ...customerGroup(members[group], currency),
  }))
}
