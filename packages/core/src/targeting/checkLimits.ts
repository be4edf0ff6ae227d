import type { Limits } from '../types'
import type { GlobalCaps } from './caps'
import { no } from './decision'
import type { Check } from './types'

/** Caps across campaigns: widgets per session, and the quiet gap after any widget closed. */
export function checkLimits(l: Limits | undefined, g: GlobalCaps, now: number): Check {
  if (!l) return
  if (l.perSession !== undefined && g.shown >= l.perSession) return no('limit-session', { max: l.perSession })
  if (l.gapSeconds && g.closedAt !== undefined && now < g.closedAt + l.gapSeconds * 1000)
    return no('limit-gap', { until: new Date(g.closedAt + l.gapSeconds * 1000).toISOString() })
}
