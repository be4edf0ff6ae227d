import type { KvStore } from '../storage/KvStore'
import type { Identity } from './Identity'
import { touchSession } from './touchSession'

/**
 * Loads (or creates) the visitor's identity at page start. The load itself counts as activity:
 * it continues the session when the last activity was under 30 minutes ago, else starts the next one.
 */
export function loadIdentity(kv: KvStore, now = Date.now()): Promise<Identity> {
  return touchSession(kv, now)
}
