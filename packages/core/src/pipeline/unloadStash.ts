// Where closing tabs leave what they could not store in IndexedDB: one key per tab,
// `<prefix>:<tab>`, so two tabs closing together both keep theirs.

/** Events the pipeline had not stored yet (`createPipeline`). */
export const UNSENT = 'linger:unsent'
/**
 * Calls and events a page could not finish (`startPage`): `cart()` and `purchase()` still waiting
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

/**
 * Takes what the tabs that are gone stashed under `prefix`, removing it from localStorage; a key
 * in `live` is a living page's own (see `ownStash`) and stays.
 */
export function takeStash(w: Window | undefined, prefix: string, live?: Set<string>): unknown[] {
  const items: unknown[] = []
  try {
    const ls = w!.localStorage
    const keys = Array.from({ length: ls.length }, (_, i) => ls.key(i))
    for (const key of keys)
      if (key?.startsWith(prefix) && !live?.has(key))
        try {
          const raw = ls.getItem(key)
          ls.removeItem(key)
          items.push(...(JSON.parse(raw || '[]') as unknown[]))
        } catch {} // one unreadable stash does not cost the others
  } catch {}
  return items
}

/**
 * The stashes of pages that live, for `takeStash` to leave: a living page holds a Web Lock named
 * like its stash (`ownStash`); a closed, crashed or bfcached page holds none. A living page's stash
 * is never taken: localStorage is not kept in step across a browser's processes, so a page reading
 * another's live stash may read an old copy, and its removal then wipes the newer one. Without
 * Web Locks: none known, and `ownStash(…).take` takes every stash but the page's own (a call may
 * then be made twice, with one event id).
 */
export async function liveStashes(w: Window | undefined): Promise<Set<string> | undefined> {
  try {
    const { held = [], pending = [] } = await w!.navigator.locks.query()
    return new Set([...held, ...pending].map((lock) => lock.name!))
  } catch {}
}
