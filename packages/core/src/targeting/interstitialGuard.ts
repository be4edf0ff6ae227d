import type { Campaign } from '../types'
import { no } from './decision'
import type { Check, TargetContext } from './types'

const SEARCH =
  /(^|\.)(google|bing|yahoo|duckduckgo|baidu|yandex|ecosia|qwant|naver|startpage)\.[a-z]{2,3}(\.[a-z]{2})?$/

/**
 * Google penalises a mobile pop-up that covers the content right after a visitor lands from
 * search (intrusive-interstitial rule), so an automatic modal waits for the first interaction there.
 */
export function interstitialGuard(campaign: Campaign, ctx: TargetContext, interacted: boolean): Check {
  if (interacted || ctx.device === 'desktop' || campaign.kind !== 'popup') return
  if ((campaign.layout ?? 'modal') !== 'modal' || ctx.url !== ctx.landingUrl) return
  let host = ''
  try {
    host = new URL(ctx.referrer).hostname
  } catch {}
  if (SEARCH.test(host)) return no('interstitial-guard')
}
