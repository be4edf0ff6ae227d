import type { Queryable } from '../../db/types'
import { customerSql, identityJoin } from './customerSql'
import { jsonRows } from './jsonRows'

export interface Exposure {
  campaign: string
  customer: string
  heldOut: boolean
  /** Epoch ms of the visitor's first exposure (or hold-out) to the campaign in the period. */
  ts: number
}

export interface SegmentData {
  exposures: Exposure[]
  /** Latest NPS score (0–10) per customer, answered before `to`. */
  nps: Map<string, number>
  /** Customers whose `identify` carried `traits.email` before `to`. */
  withEmail: Set<string>
}

/**
 * What the segments need beyond orders: per campaign and visitor the first `campaign.shown` or
 * `campaign.held-out` in [from, to) (whichever came first decides the group), the latest NPS
 * answer per customer (`nps_answers`, migration 104), and which users gave an email (`user_emails`, migration 103).
 */
export async function loadSegmentData(
  db: Queryable,
  site: string,
  from: number,
  to: number,
): Promise<SegmentData> {
  const end = new Date(to).toISOString()
  const [exposures, nps, emails] = await Promise.all([
    jsonRows<[string, string, boolean, number]>(
      db,
      ['campaign', 'customer', 'held', 'ts'],
      `from (
       select distinct on (e.campaign_id, e.visitor_id) e.campaign_id as campaign, ${customerSql} as customer,
         e.type = 'campaign.held-out' as held, (extract(epoch from e.ts) * 1000)::float8 as ts
       from events e ${identityJoin('$3::timestamptz')}
       where e.site = $1 and e.type in ('campaign.shown', 'campaign.held-out') and e.campaign_id is not null
         and e.ts >= $2::timestamptz and e.ts < $3::timestamptz
       order by e.campaign_id, e.visitor_id, e.ts, e.id
     ) x`,
      [site, new Date(from).toISOString(), end],
    ),
    jsonRows<[string, number]>(
      db,
      ['customer', 'score'],
      `from (
       select distinct on (customer) customer, score from (
         select ${customerSql} as customer, e.score, e.ts, e.event_id
         from nps_answers e ${identityJoin('$2::timestamptz')}
         where e.site = $1 and e.ts < $2::timestamptz
       ) a
       order by customer, ts desc, event_id desc
     ) x`,
      [site, end],
    ),
    jsonRows<[string]>(
      db,
      [`'u:' || user_id`],
      'from user_emails where site = $1 and first_seen < $2::timestamptz',
      [site, end],
    ),
  ])
  return {
    exposures: exposures.map(([campaign, customer, heldOut, ts]) => ({ campaign, customer, heldOut, ts })),
    nps: new Map(nps),
    withEmail: new Set(emails.map(([c]) => c)),
  }
}
