import type { Campaign } from '../types'
import { bucket } from './bucket'

/**
 * The visitor's variant (weighted, sticky: a hash of visitor and campaign) and whether they fall
 * in the holdout. Held-out visitors keep a variant so lift can be read per variant.
 */
export function pickVariant(campaign: Campaign, visitorId: string): { variant?: string; heldOut: boolean } {
  const key = `${visitorId}:${campaign.id}`
  const heldOut = bucket(`h:${key}`) < (campaign.holdout ?? 0)
  const variants = campaign.variants?.filter((v) => v.weight > 0)
  if (!variants?.length) return { heldOut }
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  let at = (bucket(`v:${key}`) / 100) * total
  for (const v of variants) {
    at -= v.weight
    if (at < 0) return { variant: v.id, heldOut }
  }
  return { variant: variants[variants.length - 1]!.id, heldOut }
}
