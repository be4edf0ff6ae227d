/** Who the visitor is and where they are in their visit. Persisted in a KvStore; no cookies. */
export interface Identity {
  /** Stable across visits until `forget()`. */
  visitorId: string
  /** Renewed after 30 minutes without activity. */
  sessionId: string
  /** Sessions so far, this one included. */
  visitCount: number
  /** True during the visitor's first session. */
  isNewVisitor: boolean
  sessionStartedAt: number
  lastActivityAt: number
  pageviewsInSession: number
}

/** Idle time after which the next activity starts a new session. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
