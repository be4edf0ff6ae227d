import { validateConfig } from '../config/validateConfig'
import type { Pipeline, PipelineOptions } from '../pipeline/types'
import type { PushPort } from '../push/types'
import type { KvFallbackReason, KvStore } from '../storage/KvStore'
import { reportIssues } from './reportIssues'
import { startCampaigns } from './startCampaigns'
import { startCore } from './startCore'
import type { InitOptions, Linger } from './types'

/** The parts `start` builds on; tests pass fakes. */
export interface StartDeps {
  createPipeline(o: PipelineOptions): Pipeline
  openKv(db: string, store: string, onFallback?: (reason: KvFallbackReason) => void): KvStore
  pushPort?: PushPort
}

/**
 * `init` without default loaders, for builds that must not bundle the debug or Shopify
 * modules. Everything in one piece: the script tag instead starts `startCore` and loads the
 * campaigns part as a chunk. Touches the window only when called.
 */
export function start(input: unknown, options: InitOptions, deps: StartDeps): Linger {
  const { config, issues } = input === undefined ? { config: undefined, issues: [] } : validateConfig(input)
  reportIssues(issues, options.onIssue)
  return startCore(config, options, deps, { load: (base) => startCampaigns(config, base), eager: true })
}
