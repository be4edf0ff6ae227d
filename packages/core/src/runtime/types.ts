import type { MountWidget } from '../campaigns/widgets'
import type { PushFlow } from '../push/pushFlow'
import type { Decision } from '../targeting/types'
import type { Campaign, Cart, ConfigIssue, DeliveryFormat, LingerEvent, Order } from '../types'
import type { EncoderFactory } from '../wire/encoder'

/** What the lazily loaded debug module offers the runtime. */
export interface DebugModule {
  /** Log one decision for a campaign (grouped per campaign with console.info). */
  logDecision(campaign: Campaign, decision: Decision, stage: string): void
  /** Log a pipeline diagnostic (batch sent, retry, drop…). */
  logPipeline(code: string, detail?: unknown): void
}

export interface InitOptions {
  /** The window to run in (iframes, tests); default the global one. */
  window?: Window
  /** Loads the widgets chunk; called only when a campaign is about to show. Without it nothing shows. */
  loadWidgets?: () => Promise<{ mount: MountWidget }>
  /** Loads the multi-question survey chunk (`kind: "survey"`); without it survey campaigns never show. */
  loadSurvey?: () => Promise<{ mount: MountWidget }>
  /** Called once when some campaign is eligible but not yet triggered: a hint to prefetch the chunk its `kind` shows with. */
  prefetchWidgets?: (kind: Campaign['kind']) => void
  /** Loads the debug explainer (`?linger_debug=1`, `data-debug`, `debug(true)`). */
  loadDebug?: () => Promise<DebugModule>
  /** Loads the Shopify cart adapter when `config.cart.shopify`. */
  loadShopify?: () => Promise<{
    readShopifyCart(): Promise<Cart | undefined>
    watchShopifyCart(win: Window, onCart: (cart: Cart) => void): () => void
  }>
  /** Loads web push (the prompt's flow, resync, unsubscribe) when the config has a push campaign. Without it push campaigns never show. */
  loadPush?: () => Promise<PushFlow>
  /** Loads the encoder factory of a third-party delivery format (`config.format`). */
  loadFormat?: (format: DeliveryFormat) => Promise<EncoderFactory>
  /** Overrides the config's endpoint (`data-endpoint`). */
  endpoint?: string
  /** Overrides the config's consent mode (`data-consent="required"`). */
  consent?: 'required' | 'granted'
  debug?: boolean
  fetch?: typeof fetch
  /** Every config problem found, in addition to the console warning. */
  onIssue?: (issue: ConfigIssue) => void
}

/** The running SDK: the contract's commands as methods. */
export interface Linger {
  track(name: string, props?: Record<string, unknown>): void
  identify(userId: string, traits?: Record<string, unknown>): void
  cart(cart: Cart | undefined): void
  purchase(order: Order): void
  consent(granted: boolean): void
  /** Show a campaign now, ignoring targeting (one widget on screen still holds). */
  show(campaignId: string): void
  /** Remove the widget on screen without events. */
  hide(): void
  /** Listen to every event this page emits (`'*'` for all). Returns the unsubscribe function. */
  on(type: string, handler: (event: LingerEvent) => void): () => void
  /** Delete everything Linger stored on this device, then go on with a fresh identity in memory. */
  forget(): Promise<void>
  debug(on?: boolean): void
  /** Resolves once identity, state and cart are loaded and the first page view is recorded. */
  ready: Promise<void>
  dispose(): void
}
