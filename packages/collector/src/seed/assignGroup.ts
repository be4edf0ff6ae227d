import type { SeedCampaign } from './demoCampaigns'

/**
 * A visitor's group for a campaign, as the SDK assigns it: held out with the campaign's
 * `holdout` probability, else a variant by weight (`''` for a campaign without variants).
 */
export function assignGroup(campaign: SeedCampaign, rand: () => number): 'held-out' | string {
  if (rand() * 100 < (campaign.holdout ?? 0)) return 'held-out'
  const variants = campaign.variants ?? []
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  let pick = rand() * total
  for (const v of variants) {
    pick -= v.weight
    if (pick < 0) return v.id
  }
  return variants.at(-1)?.id ?? ''
}
