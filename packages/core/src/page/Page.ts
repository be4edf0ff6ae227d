import type { Identity } from '../identity/Identity'
import type { DebugModule, InitOptions } from '../runtime/types'
import type { EventType } from '../types'
import type { switchKv } from './switchKv'

/** Campaign and variant an event belongs to. */
export interface EventMeta {
  campaignId?: string
  variant?: string
  /** Given when the call may be made again by the next page (a held call, stashed): one id, one event. */
  id?: string
}

/**
 * The running page part (identity, consent, the event pipeline: what every page loads), as the
 * campaigns part sees it. `startPage` makes it and hands it to `startCampaigns`, at once in
 * `init`, once the campaigns chunk has loaded in the script tag.
 */
export interface Page {
  win: Window
  options: InitOptions
  kv: { state: ReturnType<typeof switchKv>; cart: ReturnType<typeof switchKv> }
  emit(type: EventType, props?: Record<string, unknown>, meta?: EventMeta): void
  /** Resolves once identity and the stored user are loaded. */
  loaded: Promise<void>
  identity(): Identity
  /** An SPA route change: touch the session and record the page view. */
  route(): Promise<void>
  /** Subscribe to `track()` names (`event` triggers). */
  onTrack(fn: (name: string) => void): () => void
  debugOn(): boolean
  debug(): Promise<DebugModule | undefined>
  /** True once `dispose()` ran. */
  dead(): boolean
  /**
   * The site's other open tabs (absent before Safari 15.4). The page part sends consent changes
   * and `forget` on it; other parts tag their messages (the cart sends `{ cartState }`).
   */
  tabs?: BroadcastChannel
}
