// Where closing tabs leave what they could not store in IndexedDB: one key per tab,
// `<prefix>:<tab>`, so two tabs closing together both keep theirs.

/** Events the pipeline had not stored yet (`createPipeline`). */
export const UNSENT = 'linger:unsent'
/** Events made before the visitor was read, without it (`startCore`). */
export const EARLY = 'linger:early'
/** `cart()` and `purchase()` calls still waiting for the campaigns part (`startCore`). */
export const CALLS = 'linger:calls'

/**
 * A tab can close before its IndexedDB write commits. localStorage writes synchronously, so on
 * pagehide what is not stored yet is stashed there (the newest 200) and taken again on the next
 * load; the endpoint removes duplicates by id. Blocked or full storage is ignored.
 */
export function stash(w: Window | undefined, key: string, items: unknown[]): void {
  try {
    if (items.length) w!.localStorage.setItem(key, JSON.stringify(items.slice(-200)))
  } catch {}
}

/** Takes what every closed tab stashed under `prefix`, removing it from localStorage. */
export function takeStash(w: Window | undefined, prefix: string): unknown[] {
  const items: unknown[] = []
  try {
    const ls = w!.localStorage
    const keys = Array.from({ length: ls.length }, (_, i) => ls.key(i))
    for (const key of keys)
      if (key?.startsWith(prefix))
        try {
          const raw = ls.getItem(key)
          ls.removeItem(key)
          items.push(...(JSON.parse(raw || '[]') as unknown[]))
        } catch {} // one unreadable stash does not cost the others
  } catch {}
  return items
}
