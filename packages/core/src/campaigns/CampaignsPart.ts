import type { Cart, Order } from '../types'

/**
 * The running campaigns part (targeting, triggers, cart, push), as the page part sees it:
 * what `startCampaigns` returns. The page part sends it the commands that need it.
 */
export interface CampaignsPart {
  /** Resolves once the landing, caps and cart are loaded (triggers arm right after). */
  ready: Promise<void>
  cart(cart: Cart | undefined): void
  /** `id`: the purchase event's id, given at the call (see startPage). */
  purchase(order: Order, id?: string): void
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
