import type { LingerEvent } from '../../src/types'

/** Linger events of every mapped kind, as the runtime emits them. */
export function sampleEvents(): LingerEvent[] {
  const base = {
    ts: '2026-11-25T10:00:00.000Z',
    site: 'shop',
    visitorId: 'v-1',
    sessionId: 's-1',
    url: 'https://shop.example/products/a',
  }
  return [
    {
      ...base,
      id: '019b0000-0000-7000-8000-000000000001',
      type: 'page.viewed',
      props: { title: 'A', referrer: '' },
    },
    {
      ...base,
      id: '019b0000-0000-7000-8000-000000000002',
      type: 'campaign.shown',
      campaignId: 'exit-offer',
      variant: 'a',
      props: { trigger: 'exit-intent' },
    },
    {
      ...base,
      id: '019b0000-0000-7000-8000-000000000003',
      type: 'identify',
      userId: 'u-9',
      props: { traits: { email: 'ann@example.com', plan: 'pro' } },
    },
    {
      ...base,
      id: '019b0000-0000-7000-8000-000000000004',
      type: 'survey.answered',
      userId: 'u-9',
      campaignId: 'nps-main',
      props: { survey: 'nps', score: 9, scale: 10 },
    },
  ]
}
