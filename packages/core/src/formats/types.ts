import type { BatchEncoder } from '../pipeline/types'

/** What every format's encoder factory takes (from the config: `endpoint`, `writeKey`). */
export interface FormatOptions {
  /** The pipeline's URL: a full batch URL, or just its origin (the format adds its path). */
  endpoint?: string
  /** Segment / RudderStack write key, PostHog project API key. */
  writeKey?: string
  /** Told `big` with the count when events over the pipeline's per-event limit are left out. */
  onDebug?: (code: string, detail?: unknown) => void
}

export type EncoderFactory = (options: FormatOptions) => BatchEncoder
