import type { EncoderFactory } from '../encoder'
import { fitEvents } from './fitEvents'
import { MAX_CALL_BYTES, segmentCall } from './segment'

/**
 * RudderStack's HTTP API is Segment-compatible (rudderstack.com/docs/api/http-api/): same calls,
 * `messageId` for de-duplication, 32 KB per call and 4 MB per batch. Its gateway does not read a
 * write key from the body (rudder-server discussion #4659), so batches go to the beacon route,
 * `/beacon/v1/batch?writeKey=…` (rudder-server `gateway.go`, rudder-sdk-js beacon transport),
 * which takes the `/v1/batch` body and needs no header — so `sendBeacon` delivers on unload too.
 * `endpoint` is the data plane URL (a `/v1/batch` at its end is dropped); without one nothing is sent.
 */
export const rudderstackEncoder: EncoderFactory =
  ({ endpoint, writeKey, onDebug }) =>
  (events, { sentAt }) => ({
    url:
      endpoint &&
      `${endpoint.replace(/\/?((\/beacon)?\/v1\/batch\/?)?$/, '')}/beacon/v1/batch?writeKey=${encodeURIComponent(writeKey ?? '')}`,
    headers: { 'content-type': 'text/plain' },
    body: `{"batch":${fitEvents(events, segmentCall, MAX_CALL_BYTES, onDebug)},"sentAt":${JSON.stringify(sentAt)}}`,
  })
