import type { EncoderFactory } from '../encoder'
import type { LingerEvent } from '../event'
import { apiUrl } from './apiUrl'
import { fitEvents } from './fitEvents'

// PostHog capture, `POST /batch/`: the whole body under 20 MB, each event under 1 MiB
// (posthog.com/docs/api/capture; posthog-python #108 "hard limit 1MiB", posthog-php #110 "20MB").
// Far above our batches; the per-event cap only guards against a mapping gone wrong.
const MAX_EVENT_BYTES = 1048576

/**
 * One PostHog event: `page.viewed` → `$pageview`, `identify` → `$identify` (traits in `$set`,
 * the visitor id as `$anon_distinct_id` so the anonymous history merges into the person), any
 * other type → an event of that name. `distinct_id` is the user id once known, else the visitor
 * id; the event id is `uuid`, which PostHog de-duplicates on (our ids are UUIDv7, as posthog-js's).
 */
export function posthogEvent(e: LingerEvent) {
  const { type, props, userId } = e
  const anon = userId ? { $anon_distinct_id: e.visitorId } : {}
  const properties =
    type === 'identify'
      ? { $set: props.traits ?? {}, ...anon, $current_url: e.url }
      : {
          ...props,
          ...anon,
          $current_url: e.url,
          site: e.site,
          sessionId: e.sessionId,
          campaignId: e.campaignId,
          variant: e.variant,
        }
  return {
    event: type === 'page.viewed' ? '$pageview' : type === 'identify' ? '$identify' : type,
    distinct_id: userId ?? e.visitorId,
    properties,
    timestamp: e.ts,
    uuid: e.id,
  }
}

/**
 * PostHog's batch: `{ api_key, batch, sent_at }` (capture's `BatchedRequest`: `api_key` alias of
 * `token`, optional `sent_at` to correct clock skew), the project API key in the body, so `sendBeacon` works as well as `fetch`. `endpoint` defaults to US Cloud.
 */
export const posthogEncoder: EncoderFactory =
  ({ endpoint, writeKey, onDebug }) =>
  (events, { sentAt }) => ({
    url: apiUrl(endpoint, '/batch/', 'https://us.i.posthog.com'),
    // Capture reads the body as JSON whatever its type (rust/capture v0_request.rs); text/plain
    // spares the CORS preflight, and is what a beacon sends anyway.
    headers: { 'content-type': 'text/plain' },
    body: `{"api_key":${JSON.stringify(writeKey ?? '')},"batch":${fitEvents(events, posthogEvent, MAX_EVENT_BYTES, onDebug)},"sent_at":${JSON.stringify(sentAt)}}`,
  })
