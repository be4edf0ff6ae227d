/** What `pushSupport` reports about this browser. */
export type PushSupport = 'supported' | 'unsupported' | 'ios-needs-install' | 'denied'

/** A subscription as the browser gives it; only `toJSON()` is read. */
export interface SubscriptionLike {
  toJSON(): { endpoint?: string; keys?: Record<string, string>; expirationTime?: number | null }
  unsubscribe?(): Promise<boolean>
}

/**
 * The browser side of web push behind a port, so the state machine is testable without a
 * browser (happy-dom has no Notification/PushManager and claims `granted`: never trust it).
 */
export interface PushPort {
  support(): PushSupport
  permission(): NotificationPermission
  /** `Notification.requestPermission()`; call only from a click. */
  request(): Promise<NotificationPermission>
  /** Register the worker, wait until it is active, subscribe. May hang: callers add a timeout. */
  subscribe(worker: string, scope: string | undefined, key: string): Promise<SubscriptionLike>
  /** The current subscription of that worker's registration, if any. */
  current(worker: string, scope: string | undefined): Promise<SubscriptionLike | null>
}

/** Kept in the state kv under `push`: dismissals, cooldown end, last reported endpoint, unsupported already reported. */
export interface PushState {
  n?: number
  until?: number
  endpoint?: string
  unsupported?: boolean
}
