import { STASHED_CALLS } from './unloadStash'

/**
 * The script tag's calls held while its config loads: those the next page can make
 * (`STASHED_CALLS`) are given to `write` (the page's `CALLS` stash, `ownStash`), which startPage
 * takes once the page is gone. Returns the calls not stashed: the others, or all of them when the
 * stash could not be written.
 */
export function stashCalls<T extends unknown[]>(write: (items: unknown[]) => boolean, calls: T[]): T[] {
  return write(stashable(calls)) ? calls.filter((call) => !kept(call)) : calls
}

const kept = (call: unknown[]) => STASHED_CALLS.test(call[0] as string)
/** The calls the next page can make (`STASHED_CALLS`), for the stash. */
export const stashable = <T extends unknown[]>(calls: T[]) => calls.filter(kept)
