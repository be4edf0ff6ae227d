import { newEventId } from '../identity/newEventId'
import { stash, takeStash } from './unloadStash'

/** Holds the Web Lock `name` until the function it returns is called (no Web Locks: nothing). */
function holdLock(w: Window | undefined, name: string): () => void {
  let free: (() => void) | undefined
  let freed = false
  try {
    w!.navigator.locks
      .request(name, () => (freed ? undefined : new Promise<void>((done) => (free = done))))
      .catch(() => {})
  } catch {}
  return () => {
    freed = true
    free?.()
  }
}

/**
 * This page's own stash under `prefix`, written ahead while the page lives. A Web Lock named like
 * its key says the page lives: other pages take only stashes whose lock is free (`liveStashes`).
 * It is requested with the first write, just before it: a page that stashes nothing (the script
 * tag's stub when the page queues no call) requests none. At pagehide the last write is made and
 * the lock freed — a page in the bfcache must hold none, and one torn down frees it with its
 * renderer — and it is requested again with the next write if the page comes back.
 */
export function ownStash(w: Window | undefined, prefix: string, snapshot?: () => unknown[] | undefined) {
  const name = () => `${prefix}:${newEventId()}`
  let key = name()
  let left = key
  // Frees the lock; there once the living page wrote under `key`. Until then there is nothing to
  // empty: a removal would be a localStorage call for nothing, on a fresh profile the page's first,
  // which opens the browser's storage.
  let free: (() => void) | undefined
  let due = false
  /** Writes under `key`; a page that is going takes no lock. */
  const put = (items: unknown[], going?: boolean) => {
    if (!items.length && !free) return false
    if (!going) free ??= holdLock(w, key)
    return stash(w, key, items)
  }
  const unlock = () => {
    free?.()
    free = undefined
  }
  return {
    /**
     * Takes what pages gone stashed under `prefix`: every stash whose lock is free (`live`, from
     * `liveStashes`; without Web Locks every other page's) — never this page's own, which may be
     * written after the query, its lock requested with that write.
     */
    take: (live: Set<string> | undefined) => takeStash(w, prefix, new Set(live).add(key)),
    /** Writes `items` (none: removes the key); says whether they were written. */
    write: put,
    /**
     * Writes `snapshot()` (undefined: nothing) at the end of the task that asks, once however often
     * it asks: what waits in memory is written ahead, for a renderer torn down with no pagehide.
     */
    soon() {
      if (due) return
      due = true
      queueMicrotask(() => {
        due = false
        const items = snapshot?.()
        if (items) put(items)
      })
    },
    /**
     * The page is going: its last write, which pages that open may take now. `moveOn`: what this
     * page writes after it goes under a new key (it wrote a part of what it holds, not all of it).
     */
    leave(items: unknown[], moveOn?: boolean) {
      const written = put(items, true)
      unlock()
      left = key
      if (moveOn) key = name()
      return written
    },
    /** This page writes no more (disposed): pages that open may take what it wrote. */
    release: unlock,
    /**
     * Back from the bfcache: the page lives again (its lock went at pagehide; the next write
     * requests it). Returns the key it left its stash under.
     */
    back: () => left,
  }
}
