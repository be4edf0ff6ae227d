import type { Queryable } from '../db'
import { percent } from './stats'
import type { PushSection, ReportParams } from './types'

/** Visitors prompted, subscribed and denied in the period; opt-in rate = subscribed / prompted. */
export async function pushReport(db: Queryable, { site, from, to }: ReportParams): Promise<PushSection> {
  const { rows } = await db.query<{ prompted: number; subscribed: number; denied: number }>(
    `select count(distinct visitor_id) filter (where type = 'push.prompted') as prompted,
            count(distinct visitor_id) filter (where type = 'push.subscribed') as subscribed,
            count(distinct visitor_id) filter (where type = 'push.denied') as denied
     from events
     where site = $1 and ts >= $2 and ts < $3 and type in ('push.prompted', 'push.subscribed', 'push.denied')`,
    [site, from, to],
  )
  const { prompted = 0, subscribed = 0, denied = 0 } = rows[0] ?? {}
  return { prompted, subscribed, denied, optInRate: percent(subscribed, prompted) }
}
