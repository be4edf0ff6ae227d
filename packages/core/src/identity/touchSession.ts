import type { KvStore } from '../storage/KvStore'
import { IDENTITY_KEY } from '../wire/storageLayout'
import type { Identity } from './Identity'
import { nextIdentity } from './nextIdentity'

/**
 * Records activity at `now` and returns the identity: creates the visitor on first sight, starts a
 * new session (and counts a visit) after 30 idle minutes, and counts a page view when `pageview`.
 * Call it on page views and on user activity (throttled: it writes to `kv` each time).
 */
export async function touchSession(kv: KvStore, now = Date.now(), pageview = false): Promise<Identity> {
  const id = nextIdentity(await kv.get<Identity>(IDENTITY_KEY), now, pageview)
  await kv.set(IDENTITY_KEY, id)
  return id
}
