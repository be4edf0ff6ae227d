export { byteLength } from './byteLength'
export { createPipeline } from './createPipeline'
export { lingerEncoder } from './lingerEncoder'
export { packBatch } from './packBatch'
export type { QueuedEvent } from './QueuedEvent'
export { MAX_BACKOFF_MS, retryDelay } from './retryDelay'
export type {
  BatchContext,
  BatchEncoder,
  EncodedBatch,
  Pipeline,
  PipelineOptions,
  PipelineStats,
} from './types'
export { LEASE_KEY, withFlushLock } from './withFlushLock'
