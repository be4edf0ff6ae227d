import type { CartState } from '../cart/types'
import type { EventMeta } from '../page/Page'
import type { PushDeps } from '../push/pushDeps'
import type { PushFlow } from '../push/pushFlow'
import type { InitOptions } from '../runtime/types'
import type { Caps } from '../targeting/caps'
import type { Decision, TargetContext } from '../targeting/types'
import type { Campaign, EventType, LingerConfig } from '../types'

/** The campaigns part's running state, which its pieces (showing, page watching) share; one per start. */
export interface CampaignsState {
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
