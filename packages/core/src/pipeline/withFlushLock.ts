import type { KvStore } from '../storage/KvStore'

/** The key of the lease record in the queue store (only used without Web Locks). */
export const LEASE_KEY = 'lease'
const LEASE_MS = 10_000

type Lease = { owner: string; until: number }

/**
 * Runs `fn` unless another tab is flushing, and says whether it ran. A short Web Lock per flush —
 * never one held for the page's life, which would keep the page out of the bfcache — or, without
 * Web Locks, a lease record in `kv` that expires after 10 s (a tab that dies holding it).
 */
export async function withFlushLock(
  fn: () => Promise<unknown>,
  kv: KvStore,
  locks: LockManager | undefined,
  now: () => number,
  owner: string,
): Promise<boolean> {
  if (locks)
    return locks.request('linger-flush', { ifAvailable: true }, async (lock) => {
      if (lock) await fn()
      return !!lock
    })
  const held = await kv.get<Lease>(LEASE_KEY)
  if (held && held.owner !== owner && held.until > now()) return false
  await kv.set(LEASE_KEY, { owner, until: now() + LEASE_MS })
  // Two tabs may both have found the lease free: the last writer wins, the other backs off.
  if ((await kv.get<Lease>(LEASE_KEY))?.owner !== owner) return false
  try {
    await fn()
  } finally {
    if ((await kv.get<Lease>(LEASE_KEY))?.owner === owner) await kv.delMany([LEASE_KEY])
  }
  return true
}
