import type { KvStore } from '../storage/KvStore'
import type { Ledger } from './createLedger'
import type { BatchEncoder } from './types'

/**
 * The pipeline's options with their defaults (`PipelineOptions` for what each means; `_consent`
 * as it is now), and what its parts share. `_` names: the build shortens them.
 */
export interface PipelineContext {
  _site: string
  _endpoint?: string | undefined
  _consent: boolean
  _kv: KvStore
  _window?: Window | undefined
  _fetch?: typeof fetch | undefined
  _beacon?: ((url: string, data: Blob) => boolean) | undefined
  _encode: BatchEncoder
  _now(): number
  _random(): number
  _flushIntervalMs: number
  _maxBatchEvents: number
  _maxBatchBytes: number
  _maxQueueEvents: number
  _maxQueueBytes: number
  _maxAgeMs: number
  _ledger: Ledger
  _debug(code: string, detail?: unknown): void
  /** Runs a flush in `ms` (replacing the one planned). */
  _arm(ms: number): void
}
