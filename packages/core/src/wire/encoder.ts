import type { LingerEvent } from './event'

/** What a delivery format turns a batch of events into. `url` overrides the endpoint. */
export interface EncodedBatch {
  url?: string
  body: string
  headers?: Record<string, string>
}

export interface BatchContext {
  site: string
  /** ISO 8601 UTC. */
  sentAt: string
  /** Events this device dropped (cap, age, size, quota, corrupt, poison) and has not reported yet. */
  dropped: number
}

/** Turns events into one request body: the seam for the segment / rudderstack / posthog formats. */
export type BatchEncoder = (events: LingerEvent[], ctx: BatchContext) => EncodedBatch

/** What every format's encoder factory takes (from the config: `endpoint`, `writeKey`). */
export interface FormatOptions {
  /** The pipeline's URL: a full batch URL, or just its origin (the format adds its path). */
  endpoint?: string
  /** Segment / RudderStack write key, PostHog project API key. */
  writeKey?: string
  /** Told `big` with the count when events over the pipeline's per-event limit are left out. */
  onDebug?: (code: string, detail?: unknown) => void
}

/** A delivery format: from the config's `endpoint` and `writeKey` to the encoder the pipeline calls. */
export type EncoderFactory = (options: FormatOptions) => BatchEncoder
