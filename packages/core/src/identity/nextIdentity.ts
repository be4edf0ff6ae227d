import { type Identity, SESSION_IDLE_MS } from './Identity'
import { newEventId } from './newEventId'

/**
 * The identity after activity at `now`, computed without storage: a new visitor without `old`, a
 * new session (and visit) after 30 idle minutes, one more page view with `pageview`. `forget()`
 * mints its fresh visitor with it synchronously, so the calls made right after it already carry it.
 */
export function nextIdentity(old: Identity | undefined, now: number, pageview: boolean): Identity {
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
  return id
}
