import type { LingerEvent } from '../types'

// Where closing tabs leave the events they had not yet stored in IndexedDB: one key per tab,
// `linger:unsent:<tab>`, so two tabs closing together both keep theirs.
const STASH = 'linger:unsent'

/**
 * A tab can close before its IndexedDB write commits. localStorage writes synchronously, so on
 * pagehide the events not yet stored are stashed there (the newest 200) and queued again on the
 * next load; the endpoint removes duplicates by id. Blocked or full storage is ignored: the
 * keepalive request is then their only copy.
 */
export function stashUnsent(w: Window | undefined, tab: string, events: LingerEvent[]): void {
  try {
    if (events.length) w!.localStorage.setItem(`${STASH}:${tab}`, JSON.stringify(events.slice(-200)))
  } catch {}
}

/** Takes the events every closed tab stashed, removing them from localStorage. */
export function takeStash(w: Window | undefined): LingerEvent[] {
  const events: LingerEvent[] = []
  try {
    const ls = w!.localStorage
    const keys = Array.from({ length: ls.length }, (_, i) => ls.key(i))
    for (const key of keys)
      if (key?.startsWith(STASH))
        try {
          const raw = ls.getItem(key)
          ls.removeItem(key)
          events.push(...(JSON.parse(raw || '[]') as LingerEvent[]).filter((e) => e?.id && e.type))
        } catch {} // one unreadable stash does not cost the others
  } catch {}
  return events
}
