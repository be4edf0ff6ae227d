import type { CartState } from '../cart/types'
import type { PushDeps } from '../push/pushDeps'
import type { PushFlow } from '../push/pushFlow'
import type { Caps } from '../targeting/caps'
import type { Decision, TargetContext } from '../targeting/types'
import type { Campaign, EventType, LingerConfig } from '../types'
import type { InitOptions } from './types'

/** Campaign and variant an event belongs to. */
export interface EventMeta {
  campaignId?: string
  variant?: string
  /** Given when the call may be made again by the next page (a held call, stashed): one id, one event. */
  id?: string
}

/** The running state the runtime's parts share (one object per `init`). */
export interface Core {
  win: Window
  config?: LingerConfig
  campaigns: Campaign[]
  options: InitOptions
  caps: Caps
  cart: CartState
  visitorId: string
  /** The visitor has clicked, tapped or typed on this page. */
  interacted: boolean
  locale: string
  emit(type: EventType, props?: Record<string, unknown>, meta?: EventMeta): void
  context(): TargetContext
  /** The push module and what it needs for `meta`'s events; rejects when it can't be loaded. */
  push(meta: EventMeta): Promise<{ flow: PushFlow; deps: PushDeps }>
  /** Tell debug mode about a decision (no-op unless debugging). */
  report(campaign: Campaign, decision: Decision, stage: string): void
}
