import type { Audience } from '../types'
import type { GlobalCaps } from './caps'
import { no } from './decision'
import type { Check } from './types'

/**
 * `audience.survey`: the visitor's last answers on this device — their NPS group is one of
 * `nps`, their CSAT score (on 1–5) within `csat`, each given within `withinDays` when set. A
 * visitor who never answered doesn't qualify.
 */
export function checkSurvey(s: Audience['survey'], g: GlobalCaps, now: number): Check {
  if (!s) return
  const fresh = (at: number) => s.withinDays === undefined || now - at <= s.withinDays * 864e5
  if (s.nps && !(g.nps && fresh(g.nps.at) && s.nps.includes(g.nps.g)))
    return no('survey-nps', { want: s.nps, last: g.nps?.g ?? null })
  const c = s.csat
  if (c && !(g.csat && fresh(g.csat.at) && g.csat.s >= (c.min ?? 1) && g.csat.s <= (c.max ?? 5)))
    return no('survey-csat', { min: c.min ?? 1, max: c.max ?? 5, last: g.csat?.s ?? null })
}
