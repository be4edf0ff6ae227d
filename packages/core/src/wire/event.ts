// The event envelope and the batch: what every endpoint receives (docs/contract.md, "Events and
// batches"). The page, the service worker and the collector all read these from here.

export type EventType =
  | 'page.viewed'
  | 'campaign.shown'
  | 'campaign.dismissed'
  | 'campaign.converted'
  | 'campaign.held-out'
  | 'campaign.clicked'
  | 'lead.captured'
  | 'survey.answered'
  | 'survey.completed'
  | 'survey.abandoned'
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
