import type { Campaign } from '../types'
import { checkCart } from './checkCart'
import { checkDevice } from './checkDevice'
import { checkLocale } from './checkLocale'
import { checkSample } from './checkSample'
import { checkSchedule } from './checkSchedule'
import { checkUtm } from './checkUtm'
import { checkVisitor } from './checkVisitor'
import { OK } from './decision'
import { matchRules } from './matchRules'
import type { Decision, TargetContext } from './types'
import { urlForms } from './urlForms'

/** Every audience condition of a campaign, in a fixed order; the first that fails is the decision. */
export function checkAudience(campaign: Campaign, ctx: TargetContext): Decision {
  if (campaign.enabled === false) return { show: false, code: 'disabled' }
  const a = campaign.audience
  if (!a) return OK
  return (
    matchRules('url', a.url, urlForms(ctx.url)) ??
    matchRules('referrer', a.referrer, urlForms(ctx.referrer)) ??
    matchRules('landing', a.landing, urlForms(ctx.landingUrl)) ??
    checkUtm(a.utm, ctx.utm) ??
    checkDevice(a.device, ctx.device) ??
    checkVisitor(a.visitor, ctx.visitor) ??
    checkLocale(a.locale, ctx.locale) ??
    checkSchedule(a.schedule, ctx.now, ctx.timeZone) ??
    checkSample(a.sample, ctx.visitorId, campaign.id) ??
    checkCart(a.cart, ctx.cart) ??
    OK
  )
}
