import type { Limits } from '../types'
import type { GlobalCaps } from './caps'
import { no } from './decision'
import type { Check } from './types'

/** Caps across campaigns: widgets per session, the quiet gap after any widget closed, and (for a `survey`) the days after any survey showed. */
export function checkLimits(l: Limits | undefined, g: GlobalCaps, now: number, survey = false): Check {
  if (!l) return
  const gap = l.surveyGapDays ? (g.sv ?? -Infinity) + l.surveyGapDays * 864e5 : 0
  if (survey && now < gap) return no('limit-survey-gap', { until: new Date(gap).toISOString() })
  if (l.perSession !== undefined && g.shown >= l.perSession) return no('limit-session', { max: l.perSession })
  if (l.gapSeconds && g.closedAt !== undefined && now < g.closedAt + l.gapSeconds * 1000)
    return no('limit-gap', { until: new Date(g.closedAt + l.gapSeconds * 1000).toISOString() })
}
