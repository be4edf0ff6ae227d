import { diffOfRates, percent, sample, welchDiff } from '../stats'
import type { Exposure } from './loadSegmentData'
import type { CampaignSegment, GroupOutcome, Order } from './types'

interface Group {
  repeaters: number
  revenues: number[]
}

const outcome = ({ repeaters, revenues }: Group): GroupOutcome => {
  const visitors = revenues.length
  const revenue = revenues.reduce((a, b) => a + b, 0)
  return {
    visitors,
    repeaters,
    repeatRate: percent(repeaters, visitors),
    revenue,
    revenuePerVisitor: visitors ? revenue / visitors : null,
  }
}

/**
 * "Do the widgets work?": per campaign, visitors shown it vs visitors held out of it. Each
 * visitor's outcome counts their customer's orders from the first exposure (or hold-out) to the
 * period's end: a repeater placed an order there that was at least their second ever; revenue
 * is in the report currency. Differences are exposed − held-out with 95% intervals.
 */
export function campaignSegments(
  exposures: Exposure[],
  customers: Map<string, Order[]>,
  currency: string | null,
): CampaignSegment[] {
  const byCampaign = new Map<string, { exposed: Group; heldOut: Group }>()
  for (const x of exposures) {
    let c = byCampaign.get(x.campaign)
    if (!c) {
      c = { exposed: { repeaters: 0, revenues: [] }, heldOut: { repeaters: 0, revenues: [] } }
      byCampaign.set(x.campaign, c)
    }
    const group = x.heldOut ? c.heldOut : c.exposed
    const orders = customers.get(x.customer) ?? []
    const after = orders.findIndex((o) => o.ts >= x.ts)
    let revenue = 0
    if (after >= 0)
      for (let i = after; i < orders.length; i++)
        if (orders[i]!.currency === currency) revenue += orders[i]!.value
    // An order after exposure that is not the customer's first: index ≥ 1 in their history.
    if (after >= 0 && orders.length >= 2) group.repeaters++
    group.revenues.push(revenue)
  }
  return [...byCampaign.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([campaign, { exposed, heldOut }]) => ({
      campaign,
      exposed: outcome(exposed),
      heldOut: outcome(heldOut),
      repeatRateDiff: diffOfRates(
        exposed.repeaters,
        exposed.revenues.length,
        heldOut.repeaters,
        heldOut.revenues.length,
      ),
      revenuePerVisitorDiff: welchDiff(sample(exposed.revenues), sample(heldOut.revenues)),
    }))
}
