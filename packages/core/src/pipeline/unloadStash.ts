// Where closing tabs leave what they could not store in IndexedDB: one key per tab,
// `<prefix>:<tab>`, so two tabs closing together both keep theirs.

/** Events the pipeline had not stored yet (`createPipeline`). */
export const UNSENT = 'linger:unsent'
/**
 * Calls and events a page could not finish (`startCore`): `cart()` and `purchase()` still waiting
 * for the campaigns part, events made before the visitor was known, and the calls the script
 * tag's stub held before the core started (`linger.js`).
 */
export const CALLS = 'linger:calls'
/** The calls the next page makes again from a `CALLS` stash. */
export const STASHED_CALLS = /^(track|identify|cart|purchase)$/

/**
 * A tab can close before its IndexedDB write commits. localStorage writes synchronously, so what
 * is not stored yet is stashed there (as it arrives, and again on pagehide) and taken again on the
 * next load; the endpoint removes duplicates by id. With nothing to write the key is removed. Says
 * whether the stash was written (nothing to write, or blocked or full storage: no).
 */
export function stash(w: Window | undefined, key: string, items: unknown[]): boolean {
  try {
    const ls = w!.localStorage
    if (items.length) ls.setItem(key, JSON.stringify(items))
    else ls.removeItem(key)
    return !!items.length
  } catch {
    return false
  }
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

/** Whether the stash at `key`, which this page wrote, has been taken by another page meanwhile. */
export function stashTaken(w: Window | undefined, key: string): boolean {
  try {
    return w!.localStorage.getItem(key) === null
  } catch {
    return false
  }
}
