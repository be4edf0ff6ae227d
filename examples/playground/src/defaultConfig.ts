import type { LingerConfig } from '@linger/core/types'

/** The playground's starting point: one campaign of each kind, as in docs/contract.md. */
export const defaultConfig: LingerConfig = {
  version: 1,
  site: 'demo-shop',
  endpoint: 'https://collect.example.com/v1/batch',
  locale: 'en',
  theme: { color: '#4f46e5', radius: 12, font: 'inherit', mode: 'auto' },
  limits: { perSession: 2, gapSeconds: 60 },
  campaigns: [
    {
      id: 'exit-offer',
      kind: 'popup',
      trigger: { type: 'exit-intent' },
      audience: { url: { include: ['/products/*'] }, device: ['desktop', 'mobile'] },
      frequency: { perSession: 1, afterDismissDays: 7, afterConvertDays: 365 },
      layout: 'modal',
      content: {
        title: 'Wait — 10% off your first order',
        body: 'Use the code below at checkout.',
        coupon: 'WELCOME10',
        cta: { label: 'Shop now', href: '/cart' },
      },
    },
    {
      id: 'cart-rescue',
      kind: 'popup',
      trigger: { type: 'cart-abandon', on: ['exit-intent', 'idle'], idleSeconds: 30, minValue: 20 },
      content: {
        title: 'You left {{cart.count}} items ({{cart.value}})',
        items: true,
        cta: { label: 'Back to cart', href: '/cart' },
      },
    },
    {
      id: 'nps-main',
      kind: 'nps',
      trigger: { type: 'time', seconds: 20 },
      question: 'How likely are you to recommend us to a friend?',
      followUp: {
        detractor: 'What went wrong?',
        passive: 'What would make it a 10?',
        promoter: 'What do you love?',
      },
    },
    {
      id: 'csat-order',
      kind: 'csat',
      trigger: { type: 'pageview' },
      audience: { url: { include: ['/order/*'] } },
      scale: 5,
      style: 'stars',
      question: 'How was your checkout?',
    },
    {
      id: 'push-optin',
      kind: 'push',
      trigger: { type: 'pageviews', count: 2 },
      vapidPublicKey: 'BExample',
      serviceWorker: '/linger-sw.js',
      content: { title: 'Get restock alerts?', allow: 'Yes, notify me', deny: 'Not now' },
    },
  ],
}
