/**
 * Public shapes shared by every Linger package, by domain: the config a marketer writes
 * (config/types.ts, derived from the config definition), the cart and orders a site reports
 * (cart/commerce.ts), and the events an endpoint receives (below).
 */

export type * from './cart/commerce'
export type * from './config/types'

// ── Events ────────────────────────────────────────────────────────────────

export type EventType =
  | 'page.viewed'
  | 'campaign.shown'
  | 'campaign.dismissed'
  | 'campaign.converted'
  | 'campaign.held-out'
  | 'campaign.clicked'
  | 'lead.captured'
  | 'survey.answered'
  | 'push.prompted'
  | 'push.subscribed'
  | 'push.denied'
  | 'push.dismissed'
  | 'push.unsupported'
  | 'push.failed'
  | 'push.clicked'
  | 'cart.updated'
  | 'purchase'
  | 'identify'

/** The envelope every endpoint receives. `id` is unique so endpoints can de-duplicate. */
export interface LingerEvent {
  id: string
  /** One of `EventType`, or a custom name from `track`. */
  type: string
  /** ISO 8601 UTC. */
  ts: string
  site: string
  visitorId: string
  sessionId: string
  userId?: string
  campaignId?: string
  variant?: string
  url: string
  props: Record<string, unknown>
}

/** One POST to the endpoint (at most 64 KiB). */
export interface Batch {
  site: string
  sentAt: string
  events: LingerEvent[]
  /** Events the device had to drop (queue cap) since the last batch; absent when 0. */
  dropped?: number
}
