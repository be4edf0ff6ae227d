import type { Campaign, Variant } from '../types'

/** The campaign as the visitor sees it: the variant's `content` / `question` replace the campaign's. */
export function applyVariant(campaign: Campaign, variantId?: string): Campaign {
  const v = (campaign.variants as Variant[] | undefined)?.find((x) => x.id === variantId)
  if (!v) return campaign
  const merged = { ...campaign } as Campaign & Record<string, unknown>
  if (v.content) merged.content = v.content
  if (v.question) merged.question = v.question
  return merged
}
