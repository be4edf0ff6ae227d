export type { KvFallbackReason, KvOptions, KvStore } from './KvStore'
export { openKv } from './openKv'
