import type { Campaign, Limits } from '../types'
import type { Caps } from './caps'
import { checkAudience } from './checkAudience'
import { checkFrequency } from './checkFrequency'
import { checkLimits } from './checkLimits'
import { checkSurvey } from './checkSurvey'
import type { Decision, TargetContext } from './types'

const SURVEYS = ['nps', 'csat', 'survey']

/** Audience (with the visitor's last survey answers), then the campaign's caps, then the limits across campaigns. */
export function decide(campaign: Campaign, ctx: TargetContext, caps: Caps, limits?: Limits): Decision {
  const a = checkAudience(campaign, ctx)
  if (!a.show) return a
  return (
    checkSurvey(campaign.audience?.survey, caps.global, ctx.now) ??
    checkFrequency(campaign.frequency, caps.campaign(campaign.id), caps.global.pv, ctx.now) ??
    checkLimits(limits, caps.global, ctx.now, SURVEYS.includes(campaign.kind)) ??
    a
  )
}
