import type { Frequency } from '../types'
import type { CampaignCaps } from './caps'
import { no } from './decision'
import type { Check } from './types'

const DAY = 864e5

/**
 * Per-campaign caps. A cooldown ends exactly at `until` (at `until` it may show again). Without
 * a `frequency`, a campaign shows at most once per session: no pop-up storms by default.
 */
export function checkFrequency(
  f: Frequency = { perSession: 1 },
  c: CampaignCaps,
  pageviews: number,
  now: number,
): Check {
  if (f.perSession !== undefined && c.s >= f.perSession) return no('cap-session', { max: f.perSession })
  if (f.total !== undefined && c.t >= f.total) return no('cap-total', { max: f.total })
  for (const [code, at, days] of [
    ['cap-dismissed', c.d, f.afterDismissDays],
    ['cap-converted', c.c, f.afterConvertDays],
  ] as const) {
    if (at !== undefined && days !== undefined && now < at + days * DAY)
      return no(code, { until: new Date(at + days * DAY).toISOString() })
  }
  if (f.everyPageviews && c.pv !== undefined && pageviews - c.pv < f.everyPageviews)
    return no('cap-pageviews', { every: f.everyPageviews })
  if (f.everyDays && c.at !== undefined && now < c.at + f.everyDays * DAY)
    return no('cap-days', { until: new Date(c.at + f.everyDays * DAY).toISOString() })
  if (f.maxResponses !== undefined && (c.r ?? 0) >= f.maxResponses)
    return no('cap-responses', { max: f.maxResponses })
}
