// @linger/core/wire: what the page, the service worker and an endpoint (the collector, its relay)
// agree on — the event envelope and batch, the delivery formats, the retry policy and the
// IndexedDB layout. Pure data and functions: no `window`, safe in Node and in a worker.
export type { Identity } from '../identity/Identity'
export { newEventId } from '../identity/newEventId'
export type { BatchContext, BatchEncoder, EncodedBatch, EncoderFactory, FormatOptions } from './encoder'
export type { Batch, EventType, LingerEvent } from './event'
export { lingerEncoder } from './formats/lingerEncoder'
export { posthogEncoder, posthogEvent } from './formats/posthog'
export { rudderstackEncoder } from './formats/rudderstack'
export { MAX_CALL_BYTES, segmentCall, segmentEncoder } from './formats/segment'
export { MAX_BACKOFF_MS, retryDelay } from './retryDelay'
export { DB_NAME, IDENTITY_KEY, QUEUE_STORE, STORE_NAMES, USER_KEY } from './storageLayout'
