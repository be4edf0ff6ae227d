import webpush from 'web-push'
import type { Queryable } from '../db'
import { type Lookup, resolvedEndpointProblem } from './resolvedEndpointProblem'
import type { Vapid } from './vapidFromEnv'

/** Push services must take 4,096-byte bodies; some reject less, so we stay well below. */
export const MAX_PAYLOAD_BYTES = 3000

export interface PushMessage {
  title: string
  body?: string
  /** Opened on click: http(s) or a path. */
  url?: string
}

/** Who gets it: every subscriber of the site, a campaign's subscribers, or one visitor. */
export interface PushSegment {
  site: string
  campaign?: string
  visitor?: string
}

export interface PushResult {
  /** Subscriptions in the segment. */
  targeted: number
  sent: number
  /** Gone (404/410) and deleted. */
  removed: number
  failed: Array<{ endpoint: string; status?: number; error: string }>
}

export class PushError extends Error {
  constructor(
    readonly code: 'payload-too-large' | 'bad-url' | 'no-vapid',
    message: string,
  ) {
    super(message)
  }
}

/** Whom one payload is for: linger-sw.js records the click under this site and campaign. */
export interface PushTarget {
  site: string
  campaignId?: string | null
}

/**
 * Checks a message and returns its JSON payload; throws `PushError` when it cannot be sent.
 * `linger: true` marks it as ours: linger-sw.js leaves unmarked pushes to the site's own worker.
 */
export function pushPayload(message: PushMessage, target: PushTarget): string {
  if (message.url !== undefined && !/^(https?:\/\/|\/(?!\/))/i.test(message.url))
    throw new PushError('bad-url', 'push: url must be http(s) or a path starting with "/"')
  const payload = JSON.stringify({
    linger: true,
    title: message.title,
    body: message.body,
    url: message.url,
    site: target.site,
    campaignId: target.campaignId ?? undefined,
  })
  const bytes = Buffer.byteLength(payload)
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new PushError(
      'payload-too-large',
      `push: payload is ${bytes} bytes, more than ${MAX_PAYLOAD_BYTES}; send a short text and a URL instead`,
    )
  return payload
}

export interface SendOptions {
  vapid: Vapid | undefined
  fetch?: typeof globalThis.fetch
  ttl?: number
  /** Origins of a local mock push service, exempt from the public-https check (tests). */
  testOrigins?: ReadonlySet<string>
  /** DNS lookup for the send-time address check (tests inject one). */
  lookup?: Lookup
}

/**
 * Sends one notification to every subscription in the segment: encrypted and signed by
 * `web-push` (`generateRequestDetails`), delivered with `fetch` (so http test services work too).
 * Each endpoint is checked again first, its name resolved: one inside the collector's own
 * network fails without a request. Subscriptions the push service reports gone (404/410) are
 * deleted, keyed on their endpoint.
 */
export async function sendPush(
  db: Queryable,
  segment: PushSegment,
  message: PushMessage,
  { vapid, fetch = globalThis.fetch, ttl = 86_400, testOrigins = new Set(), lookup }: SendOptions,
): Promise<PushResult> {
  // Checked once up front (the campaign id is the longest variable part), so a bad message fails fast.
  pushPayload(message, { site: segment.site, campaignId: segment.campaign })
  if (!vapid)
    throw new PushError(
      'no-vapid',
      'push: set LINGER_VAPID_PUBLIC_KEY, LINGER_VAPID_PRIVATE_KEY and LINGER_VAPID_SUBJECT',
    )
  const { rows } = await db.query<{
    endpoint: string
    keys: { p256dh: string; auth: string }
    campaign_id: string | null
  }>(
    `select endpoint, keys, campaign_id from push_subscriptions
     where site = $1 and ($2::text is null or campaign_id = $2) and ($3::text is null or visitor_id = $3)
     order by endpoint`,
    [segment.site, segment.campaign ?? null, segment.visitor ?? null],
  )
  const result: PushResult = { targeted: rows.length, sent: 0, removed: 0, failed: [] }
  const deliver = async (sub: (typeof rows)[number]) => {
    try {
      const refused = await resolvedEndpointProblem(sub.endpoint, testOrigins, lookup)
      if (refused) {
        result.failed.push({ endpoint: sub.endpoint, error: refused })
        return
      }
      const payload = pushPayload(message, { site: segment.site, campaignId: sub.campaign_id })
      const req = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: sub.keys }, payload, {
        vapidDetails: vapid,
        TTL: ttl,
      })
      const res = await fetch(req.endpoint, {
        method: req.method,
        headers: req.headers,
        body: new Uint8Array(req.body),
      })
      await res.body?.cancel()
      if (res.ok) result.sent++
      else if (res.status === 404 || res.status === 410) {
        await db.query('delete from push_subscriptions where endpoint = $1', [sub.endpoint])
        result.removed++
      } else result.failed.push({ endpoint: sub.endpoint, status: res.status, error: res.statusText })
    } catch (error) {
      result.failed.push({ endpoint: sub.endpoint, error: (error as Error).message })
    }
  }
  // A few at a time: enough to overlap network waits, few enough not to flood one push service.
  for (let i = 0; i < rows.length; i += 8) await Promise.all(rows.slice(i, i + 8).map(deliver))
  return result
}
