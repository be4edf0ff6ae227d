import type { Campaign, CartItem, Theme } from '../types'

// The widgets chunk's boundary, restated here so core does not depend on @linger/widgets
// (which depends on core); packages/widgets/src/host.ts is the source of truth.

/** What a mounted widget may do: see packages/widgets/src/host.ts. */
export interface WidgetHost {
  track(type: string, props?: Record<string, unknown>): void
  close(reason: 'dismissed' | 'converted' | 'completed'): void
  show(campaignId: string): void
  requestPush?(): Promise<'subscribed' | 'denied' | 'failed'>
  locale: string
  vars: Record<string, string>
  cartItems?: CartItem[]
}

export interface MountOptions {
  theme?: Theme
  variant?: string
  returnFocus?: Element | null
  document?: Document
}

export type MountWidget = (
  campaign: Campaign,
  host: WidgetHost,
  options?: MountOptions,
) => { unmount(): void; connected?(): boolean }
