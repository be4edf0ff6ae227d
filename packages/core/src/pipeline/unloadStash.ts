import type { LingerEvent } from '../types'

// Where a closing tab leaves the events it had not yet stored in IndexedDB.
const STASH = 'linger:unsent'

/**
 * A tab can close before its IndexedDB write commits. localStorage writes synchronously, so on
 * pagehide the events not yet stored are stashed there (the newest 200) and queued again on the
 * next load; the endpoint removes duplicates by id. Blocked or full storage is ignored: the
 * keepalive request is then their only copy.
 */
export function stashUnsent(w: Window | undefined, events: LingerEvent[]): void {
  try {
    if (events.length) w!.localStorage.setItem(STASH, JSON.stringify(events.slice(-200)))
  } catch {}
}

/** Takes the events a closing tab stashed, removing them from localStorage. */
export function takeStash(w: Window | undefined): LingerEvent[] {
  try {
    const ls = w!.localStorage
    const raw = ls.getItem(STASH)
    ls.removeItem(STASH)
    return (JSON.parse(raw || '[]') as LingerEvent[]).filter((e) => e?.id && e.type)
  } catch {
    return []
  }
}
