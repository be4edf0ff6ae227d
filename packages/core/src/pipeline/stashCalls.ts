import { STASHED_CALLS } from './unloadStash'

/**
 * The script tag's calls held while its config loads: those the next page can make
 * (`STASHED_CALLS`) are given to `write` (the page's `CALLS` stash, `ownStash`), which startPage
 * takes once the page is gone. Returns the calls not stashed: the others, or all of them when the
 * stash could not be written.
 */
export function stashCalls<T extends unknown[]>(write: (items: unknown[]) => boolean, calls: T[]): T[] {
  const kept = (call: T) => STASHED_CALLS.test(call[0] as string)
  return write(calls.filter(kept)) ? calls.filter((call) => !kept(call)) : calls
}
