import type { Cart, CartItem, EventType, Order } from '../types'

/**
 * The slice of a key-value store the cart needs. `openKv()`'s `KvStore` fits it; tests pass
 * an in-memory map or an IndexedDB store (`openKv`).
 */
export interface CartStore {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  delMany?(keys: string[]): Promise<void>
}

/** Where cart events go (the page's `emit`); `meta.id`: the event id the call was given. */
export type CartEmit = (
  type: Extract<EventType, 'cart.updated' | 'purchase'>,
  props: Record<string, unknown>,
  meta?: { id?: string },
) => void

/**
 * A change from a cart source. `set` is a full picture (view_cart, begin_checkout, Shopify);
 * `add` and `remove` adjust quantities of the lines they name (add_to_cart, remove_from_cart).
 */
export interface CartDelta {
  op: 'set' | 'add' | 'remove'
  items: CartItem[]
  currency?: string
  /** Cart total for `set`; ignored for `add`/`remove`, where GA4's value is the lines' value only. */
  value?: unknown
}

/** A cart-abandon campaign shown (or held out) to this visitor; kept for purchase attribution. */
export interface CartExposure {
  campaignId: string
  variant?: string
  heldOut: boolean
  /** Epoch ms. */
  shownAt: number
}

/** `purchase` event props' `recoveredBy`: the exposure a purchase is attributed to. */
export interface RecoveredBy {
  campaignId: string
  variant?: string
  heldOut: boolean
  /** ISO 8601 UTC. */
  shownAt: string
}

export interface CartOptions {
  store: CartStore
  emit: CartEmit
  now?: () => number
  /** Quiet time before a burst of changes becomes one `cart.updated`. Default 1000. */
  debounceMs?: number
  /** Days after an exposure in which a purchase is attributed to it. Default 5. */
  attributionDays?: number
  /**
   * Where the site's other tabs hear of each change (a `BroadcastChannel`): each tab keeps the
   * cart in memory, so without it a tab would overwrite what another one added.
   */
  channel?: CartChannel
}

/** The part of `BroadcastChannel` the cart uses. */
export interface CartChannel {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void
}

export interface CartState {
  /** Resolves once the stored cart and exposure are loaded (never rejects). */
  ready: Promise<void>
  get(): Cart | undefined
  /** Epoch ms of the last change, kept across visits. */
  lastChangedAt(): number | undefined
  /** Replace the cart with the latest full picture; `undefined` or no items empties it. */
  set(cart: Cart | undefined): void
  /** Apply a data-layer change onto the current cart. */
  apply(delta: CartDelta): void
  /** Record that a cart-abandon campaign was shown, or held out, now. */
  addShown(campaignId: string, variant: string | undefined, heldOut: boolean): void
  /**
   * Report a purchase (attributed to a recent exposure) and empty the cart. `id`: its event id,
   * given at the `purchase()` call, so that two pages making the same held call make one event.
   */
  purchase(order: Order, id?: string): void
  /** Called on every change, undebounced. Returns the unsubscribe function. */
  subscribe(fn: (cart: Cart | undefined) => void): () => void
  /** Drop the cart and exposure from memory and from the store. */
  forget(): Promise<void>
}
