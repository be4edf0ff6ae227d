// @linger/core/page: what every page loads before any campaign — identity, consent, the event
// pipeline and the page view. The script tag (packages/embed/src/linger.ts) starts from here;
// `init` (the package's main entry) assembles the same parts with the campaigns.
export { newEventId } from './identity/newEventId'
export { createPipeline } from './pipeline/createPipeline'
// The script tag's pagehide hand-over of the calls it holds while its config loads.
export { stashCalls } from './pipeline/stashCalls'
export type { Pipeline, PipelineOptions, PipelineStats } from './pipeline/types'
export { CALLS, STASHED_CALLS, stashTaken } from './pipeline/unloadStash'
export type { Base, Campaigns, CampaignsFactory, CoreConfig } from './runtime/base'
export { coreConfig } from './runtime/coreConfig'
export type { StartDeps } from './runtime/start'
export { startCore } from './runtime/startCore'
export type { DebugModule, InitOptions, Linger } from './runtime/types'
export type { KvFallbackReason, KvOptions, KvStore } from './storage/KvStore'
export { openKv } from './storage/openKv'
