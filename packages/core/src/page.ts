// @linger/core/page: the page part, what every page loads before any campaign — identity,
// consent, the event pipeline and the page view. `startPage` is the one start-up: `init` (the
// package's main entry) and the script tag (packages/embed/src/linger.ts) both call it.
export type { CampaignsPart } from './campaigns/CampaignsPart'
export { newEventId } from './identity/newEventId'
export type { EventMeta, Page } from './page/Page'
export { type PageConfig, pageConfig } from './page/pageConfig'
export { type StartPageOptions, startPage } from './page/startPage'
export { createPipeline } from './pipeline/createPipeline'
// The script tag's pagehide hand-over of the calls it holds while its config loads.
export { ownStash } from './pipeline/ownStash'
export { stashable, stashCalls } from './pipeline/stashCalls'
export type { Pipeline, PipelineOptions, PipelineStats } from './pipeline/types'
export { CALLS } from './pipeline/unloadStash'
export type { DebugModule, InitOptions, Linger } from './runtime/types'
export type { KvFallbackReason, KvOptions, KvStore } from './storage/KvStore'
export { openKv } from './storage/openKv'
