// Sample widget specs for the harness page (`widgets-harness.js`): one per widget and
// layout, shared by the widget browser tests and `e2e/screenshots.ts`.
import type { Campaign, Theme } from '@linger/core/types'

export interface WidgetSpec {
  campaign: Campaign
  theme?: Theme
  host?: { locale?: string; vars?: Record<string, string>; cartItems?: unknown[] }
  push?: 'subscribed' | 'denied' | 'failed'
}

const trigger = { type: 'manual' } as const
const offer = {
  title: 'Wait — 10% off your first order',
  body: 'Use the code below at checkout, {{name}}.',
  coupon: 'WELCOME10',
  countdown: { minutes: 15, label: 'Offer ends in' },
  cta: { label: 'Shop now', href: '/cart' },
  secondary: { label: 'No thanks', action: 'close' as const },
}
const host = {
  vars: { name: 'Ann', 'cart.count': '2', 'cart.value': '€42.00' },
  cartItems: [
    { id: 'mug', name: 'Blue mug', price: 12, quantity: 2 },
    { id: 'tea', name: 'Green tea', price: 18, quantity: 1 },
  ],
}

export const popupSpec = (layout: string, extra: Record<string, unknown> = {}): WidgetSpec => ({
  campaign: {
    id: `popup-${layout}`,
    kind: 'popup',
    trigger,
    layout,
    target: '#slot',
    content: offer,
    ...extra,
  } as Campaign,
  host,
})

export const samples: Record<string, WidgetSpec> = {
  'popup-modal': popupSpec('modal'),
  'popup-slide-in': popupSpec('slide-in'),
  'popup-bar-top': popupSpec('bar-top', {
    content: { title: 'Free shipping over €50', cta: { label: 'Shop now', href: '/shop' } },
  }),
  'popup-bar-bottom': popupSpec('bar-bottom', {
    content: {
      body: 'Your cart misses you: {{cart.count}} items ({{cart.value}})',
      cta: { label: 'Back to cart', href: '/cart' },
    },
  }),
  'popup-sheet': popupSpec('sheet'),
  'popup-inline': popupSpec('inline'),
  'popup-email': popupSpec('modal', {
    content: {
      title: 'Join the list',
      body: 'New arrivals and offers, twice a month.',
      email: {
        placeholder: 'you@example.com',
        submit: 'Subscribe',
        consent: 'I agree to receive emails.',
        required: true,
      },
      teaser: 'Get 10% off',
      success: { title: 'You are in!', body: 'Check your inbox.' },
    },
  }),
  'popup-cart': popupSpec('slide-in', {
    content: {
      title: 'You left {{cart.count}} items ({{cart.value}})',
      items: true,
      cta: { label: 'Back to cart', href: '/cart' },
    },
  }),
  nps: {
    campaign: {
      id: 'nps',
      kind: 'nps',
      trigger,
      question: 'How likely are you to recommend us to a friend?',
      followUp: {
        detractor: 'What went wrong?',
        passive: 'What would make it a 10?',
        promoter: 'What do you love?',
      },
    },
  },
  'csat-stars': {
    campaign: {
      id: 'csat',
      kind: 'csat',
      trigger,
      question: 'How was your checkout?',
      style: 'stars',
      comment: true,
    },
  },
  'csat-faces': {
    campaign: { id: 'csat', kind: 'csat', trigger, question: 'How was your checkout?', style: 'faces' },
  },
  'csat-numbers': {
    campaign: {
      id: 'csat',
      kind: 'csat',
      trigger,
      question: 'How was your checkout?',
      style: 'numbers',
      scale: 7,
    },
  },
  push: {
    campaign: {
      id: 'push',
      kind: 'push',
      trigger,
      vapidPublicKey: 'BExample',
      content: {
        title: 'Get restock alerts?',
        body: 'We only send one when your size is back.',
        allow: 'Yes, notify me',
        deny: 'Not now',
      },
    },
  },
}

/** The harness URL path + hash for `spec`. */
export const harness = (spec: WidgetSpec, page = 'widgets-harness.html') =>
  `/${page}#${encodeURIComponent(JSON.stringify(spec))}`

declare global {
  interface Window {
    events: Array<{ type: string; props?: Record<string, unknown>; reason?: string; id?: string }>
    mountCampaign(spec: WidgetSpec | Campaign): boolean
    unmountCampaign(): void
    harnessReady?: boolean
    __xss?: unknown
  }
}
