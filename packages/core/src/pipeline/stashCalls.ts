import { CALLS, STASHED_CALLS, stash } from './unloadStash'

/**
 * The script tag's calls held while its config loads: those the next page can make
 * (`STASHED_CALLS`) are written to the page's `CALLS` stash (`tab` names it), which startCore
 * takes; none left, the stash is removed. Returns the calls not stashed: the others, or all of
 * them when the stash could not be written.
 */
export function stashCalls<T extends unknown[]>(w: Window, tab: string, calls: T[]): T[] {
  const kept = (call: T) => STASHED_CALLS.test(call[0] as string)
  return stash(w, `${CALLS}:${tab}`, calls.filter(kept)) ? calls.filter((call) => !kept(call)) : calls
}
