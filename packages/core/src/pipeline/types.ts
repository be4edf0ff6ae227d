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

export interface PipelineStats {
  /** Events this tab holds (stored, or waiting for consent). */
  queued: number
  /** Events acknowledged with a 2xx. */
  sent: number
  /** Events dropped: queue cap, age, size, quota, or rejected by the endpoint (4xx). */
  dropped: number
  /** Requests made (fetch and beacon). */
  requests: number
}

export interface Pipeline {
  /** Queues an event. Costs microseconds; never waits for storage. */
  enqueue(event: LingerEvent): void
  /** Sends what is queued. `unloading`: send synchronously what fits the keepalive quota. */
  flush(options?: { unloading?: boolean }): Promise<void>
  setConsent(granted: boolean): void
  /** Drops every queued event, in memory and in the store. */
  forget(): Promise<void>
  /** Removes listeners and timers. */
  dispose(): void
  stats(): PipelineStats
}
