import type { Identity } from '../identity/Identity'
import type { PushPort } from '../push/types'
import type { Cart, EventType, LingerConfig, Order } from '../types'
import type { EventMeta } from './core'
import type { switchKv } from './switchKv'
import type { DebugModule, InitOptions } from './types'

/** The config fields the always-loaded part reads: the pipeline's and consent. */
export type CoreConfig = Pick<LingerConfig, 'site' | 'endpoint' | 'format' | 'writeKey' | 'consent'>

/**
 * What the always-loaded part (identity, consent, the event pipeline) shares with the
 * campaigns part (targeting, triggers, cart, push), which the script tag loads as a chunk.
 */
export interface Base {
  win: Window
  options: InitOptions
  kv: { state: ReturnType<typeof switchKv>; cart: ReturnType<typeof switchKv> }
  pushPort?: PushPort
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
   * The site's other open tabs (absent before Safari 15.4). The core sends consent changes and
   * `forget` on it; other parts tag their messages (the cart sends `{ cartState }`).
   */
  tabs?: BroadcastChannel
}

/** The campaigns part's side of the running SDK. */
export interface Campaigns {
  /** Resolves once the landing, caps and cart are loaded (triggers arm right after). */
  ready: Promise<void>
  cart(cart: Cart | undefined): void
  purchase(order: Order): void
  show(id: string): void
  hide(): void
  /** Debug mode went on: log where each campaign stands. */
  status(): void
  /** Clear the cart and the push subscription (part of `forget()`). */
  forget(): Promise<void>
  /** After `forget()`: recreate the landing and caps for the fresh identity. */
  reload(): Promise<void>
  dispose(): void
}

/** Starts the campaigns part on top of a running base (sync in `init`, a chunk in the script tag). */
export type CampaignsFactory = (base: Base) => Campaigns | Promise<Campaigns>
