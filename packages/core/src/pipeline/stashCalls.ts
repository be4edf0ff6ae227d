import { newEventId } from '../identity/newEventId'
import { CALLS, STASHED_CALLS, stash } from './unloadStash'

/**
 * A page going before its core started (the script tag's config still on the way): the calls the
 * next page can make (`STASHED_CALLS`) go to a `CALLS` stash, which startPage takes. Returns the
 * calls left: the others, or all of them when the stash could not be written.
 */
export function stashCalls<T extends unknown[]>(w: Window, calls: T[]): T[] {
  const kept = (call: T) => STASHED_CALLS.test(call[0] as string)
  return stash(w, `${CALLS}:${newEventId()}`, calls.filter(kept))
    ? calls.filter((call) => !kept(call))
    : calls
}
