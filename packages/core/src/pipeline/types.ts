import type { KvStore } from '../storage/KvStore'
import type { LingerEvent } from '../types'
import type { BatchEncoder } from '../wire/encoder'

// The encoder's types are the wire's (a format maps events to a request); re-exported for the pipeline's files.
export type { BatchContext, BatchEncoder, EncodedBatch } from '../wire/encoder'

export interface PipelineOptions {
  site: string
  /** Where batches go. Without it (and without an encoder `url`) events queue but are not sent. */
  endpoint?: string
  /** With `false` nothing is stored or sent: events wait in memory until `setConsent(true)`. */
  consent: boolean
  /** The queue store; default `openKv('linger', 'queue')`. Tabs sharing it share one queue. */
  kv?: KvStore
  fetch?: typeof fetch
  sendBeacon?: (url: string, data: Blob) => boolean
  now?: () => number
  random?: () => number
  encode?: BatchEncoder
  onDebug?: (code: string, detail?: unknown) => void
  flushIntervalMs?: number
  maxBatchEvents?: number
  maxBatchBytes?: number
  maxQueueEvents?: number
  maxQueueBytes?: number
  maxAgeMs?: number
  /** Source of listeners, `navigator.locks`, `sendBeacon`, `fetch`; default the global window. */
  window?: Window
}

/** Why an event left the queue without a 2xx: each is counted, and reported in a batch's `dropped`. */
export type DropReason =
  /** Over the queue's caps (1,000 events, 2 MiB) or older than `maxAgeMs`; least important first. */
  | 'cap'
  /** Over 32 KiB of JSON, or not serialisable. */
  | 'big'
  /** The store was full. */
  | 'quota'
  /** A stored record that is not an event. */
  | 'corrupt'
  /** The endpoint refused its batch with a 4xx (the endpoint knows; not reported again). */
  | 'drop'
  /** The endpoint failed on it every time (5xx) while it took the other events. */
  | 'poison'

/**
 * What this tab did with events. An event ends `acknowledged` (a 2xx covered it) or `dropped`;
 * `sent` and `stashed` count copies (a retry or a keepalive sends one again). Once every queue is
 * empty, over all tabs: Σ `tracked` = events the endpoint holds + Σ `dropped`.
 */
export interface PipelineStats {
  /** Events this tab holds (stored, or waiting for consent or for their write). */
  queued: number
  /** Events given to `enqueue`. */
  tracked: number
  /** Events this tab wrote to the store. */
  stored: number
  /** Event copies put in requests (fetch and beacon). */
  sent: number
  /** Events a 2xx answer covered. */
  acknowledged: number
  /** Events dropped, all reasons. */
  dropped: number
  droppedBy: Partial<Record<DropReason, number>>
  /** Events written to the pagehide stash (not yet stored when the page went). */
  stashed: number
  /** Events taken from the stashes of pages that closed before storing them. */
  unstashed: number
  /** Requests made (fetch and beacon). */
  requests: number
}

export interface Pipeline {
  /** Queues an event. Costs microseconds; never waits for storage. */
  enqueue(event: LingerEvent): void
  /** Sends what is queued. `unloading`: send synchronously what fits the keepalive quota. */
  flush(options?: { unloading?: boolean }): Promise<void>
  setConsent(granted: boolean): void
  /**
   * Drops every event queued before the call, in memory at once and in the store; events enqueued
   * after the call are kept. Resolves once the store is cleared.
   */
  forget(): Promise<void>
  /** Removes listeners and timers. */
  dispose(): void
  stats(): PipelineStats
}
