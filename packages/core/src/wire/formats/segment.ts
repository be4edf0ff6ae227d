import type { EncoderFactory } from '../encoder'
import type { LingerEvent } from '../event'
import { apiUrl } from './apiUrl'
import { fitEvents } from './fitEvents'

// Segment HTTP Tracking API, `POST /v1/batch`: at most 500 KB per request, 2,500 calls, and 32 KB
// per call (twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api,
// "Max request size" and "Errors"). The pipeline's batches stay under 64 KiB, so only the
// per-call limit can bite. RudderStack documents the same 32 KB per call (4 MB per batch).
export const MAX_CALL_BYTES = 32768

/**
 * One Segment spec call for a Linger event: `page.viewed` → `page`, `identify` → `identify` with
 * the traits, anything else → `track` named after the type. The event id becomes `messageId`,
 * which Segment and RudderStack de-duplicate on, so a batch sent twice is counted once.
 */
export function segmentCall(e: LingerEvent) {
  const { id, type, props } = e
  const base = {
    messageId: id,
    anonymousId: e.visitorId,
    userId: e.userId,
    timestamp: e.ts,
    context: { page: { url: e.url }, library: { name: 'linger' } },
  }
  if (type === 'identify') return { type, ...base, traits: props.traits ?? {} }
  const properties = {
    ...props,
    site: e.site,
    sessionId: e.sessionId,
    campaignId: e.campaignId,
    variant: e.variant,
  }
  if (type === 'page.viewed') return { type: 'page', ...base, properties: { ...properties, url: e.url } }
  return { type: 'track', ...base, event: type, properties }
}

/**
 * Segment's batch: `{ batch, sentAt, writeKey }`. The write key travels in the body, as
 * analytics.js sends it (analytics-next `plugins/segmentio/batched-dispatcher.ts`), because
 * `sendBeacon` cannot set an Authorization header; `text/plain` keeps the request CORS-simple.
 */
export const segmentEncoder: EncoderFactory =
  ({ endpoint, writeKey, onDebug }) =>
  (events, { sentAt }) => ({
    url: apiUrl(endpoint, '/v1/batch', 'https://api.segment.io'),
    headers: { 'content-type': 'text/plain' },
    body: `{"batch":${fitEvents(events, segmentCall, MAX_CALL_BYTES, onDebug)},"sentAt":${JSON.stringify(sentAt)},"writeKey":${JSON.stringify(writeKey ?? '')}}`,
  })
