import type { KvStore } from '../storage/KvStore'
import { IDENTITY_KEY } from '../wire/storageLayout'
import { type Identity, SESSION_IDLE_MS } from './Identity'
import { newEventId } from './newEventId'

/**
 * Records activity at `now` and returns the identity: creates the visitor on first sight, starts a
 * new session (and counts a visit) after 30 idle minutes, and counts a page view when `pageview`.
 * Call it on page views and on user activity (throttled: it writes to `kv` each time).
 */
export async function touchSession(kv: KvStore, now = Date.now(), pageview = false): Promise<Identity> {
  const old = await kv.get<Identity>(IDENTITY_KEY)
  const id: Identity = old ? { ...old } : ({ visitorId: newEventId(now), visitCount: 0 } as Identity)
  if (!old || now - id.lastActivityAt > SESSION_IDLE_MS) {
    id.sessionId = newEventId(now)
    id.visitCount++
    id.sessionStartedAt = now
    id.pageviewsInSession = 0
  }
  id.lastActivityAt = now
  if (pageview) id.pageviewsInSession++
  id.isNewVisitor = id.visitCount === 1
  await kv.set(IDENTITY_KEY, id)
  return id
}
