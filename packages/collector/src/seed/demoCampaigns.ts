/** What the seed needs of a campaign: its kind, its A/B variants and its hold-out percentage. */
export interface SeedCampaign {
  kind: 'popup' | 'nps' | 'csat' | 'survey' | 'push'
  variants?: ReadonlyArray<{ id: string; weight: number }>
  holdout?: number
}

/**
 * The demo shop's campaigns (examples/shop/public/linger.json) as the seed models them, so the
 * dashboard's figures describe the shop the demo shows; a test keeps the two in step.
 */
export const DEMO_CAMPAIGNS: Readonly<Record<string, SeedCampaign>> = {
  'shipping-bar': { kind: 'popup' },
  'exit-offer': {
    kind: 'popup',
    variants: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ],
    holdout: 10,
  },
  'cart-rescue': { kind: 'popup', holdout: 10 },
  'nps-main': { kind: 'nps' },
  'csat-order': { kind: 'csat' },
  'push-optin': { kind: 'push' },
  newsletter: { kind: 'popup' },
  'feedback-flow': { kind: 'survey' },
  'save-offer': { kind: 'popup', holdout: 15 },
}
