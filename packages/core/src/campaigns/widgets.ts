import type { Campaign, CartItem, EventType, Theme } from '../types'

// The boundary between the core and a widgets chunk. It lives here because @linger/widgets
// depends on core (not the other way round); packages/widgets/src/host.ts re-exports it.

/**
 * Everything a widget may do to the outside world. Widgets have no transport and never
 * import the event queue: the core hands them this narrow host when it mounts one.
 */
export interface WidgetHost {
  /** Record an event for this campaign (the core adds campaignId, variant and the envelope). */
  track(type: EventType, props?: Record<string, unknown>): void
  /**
   * The visitor closed the widget (`dismissed`), converted (`converted`), or finished a survey
   * (`completed`). The widget removes itself right after calling this; `unmount()` is then a no-op.
   */
  close(reason: 'dismissed' | 'converted' | 'completed'): void
  /** Open another campaign (a CTA with `action: "show"`). */
  show(campaignId: string): void
  /** Ask for notification permission and subscribe; only the push widget calls it, from a click. */
  requestPush?(): Promise<'subscribed' | 'denied' | 'failed'>
  /** Resolved locale, e.g. `de-AT`; per-locale text falls back to its language, then `en`, then the first. */
  locale: string
  /** Values for `{{variables}}` in text, already formatted (e.g. `cart.value` → "€42.00"). */
  vars: Record<string, string>
  /** The cart's items, for the items preview. */
  cartItems?: CartItem[]
}

export interface MountOptions {
  theme?: Theme
  /** Variant chosen for this visitor; its content is already merged into the campaign. */
  variant?: string
  /** The element that had focus before an automatic pop-up, to return focus to. */
  returnFocus?: Element | null
  /** Document to mount into (tests, iframes); default `document`. */
  document?: Document
}

export interface MountedWidget {
  /** Remove the widget without emitting events (the core decided, e.g. `hide()`); idempotent. */
  unmount(): void
  /** False once the widget is gone, also when the host page removed its element. */
  connected(): boolean
}

export type MountWidget = (campaign: Campaign, host: WidgetHost, options?: MountOptions) => MountedWidget
