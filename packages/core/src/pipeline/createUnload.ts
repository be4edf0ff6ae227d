import type { EventQueue } from './createEventQueue'
import { KEEPALIVE, type Sender } from './createSender'
import { ownStash } from './ownStash'
import type { PipelineContext } from './PipelineContext'
import { takeStash, UNSENT } from './unloadStash'

/**
 * Leaving the page: what no store holds yet goes to a localStorage stash (with the drops not
 * reported yet), then what fits in the keepalive quota is sent at once. Nothing sent now is known
 * to arrive — the answer may come after the page is gone — so every event stays in the store or the
 * stash until a later page hears a 2xx for it.
 */
export function createUnload(queue: EventQueue, sender: Sender, c: PipelineContext) {
  const w = c._window
  const nav = w?.navigator
  const own = ownStash(w, UNSENT)

  /** Sends, synchronously, what fits in the keepalive quota; events not in the store go first. */
  const send = () => {
    // A server's Retry-After binds even now; after a plain failure one more try costs little.
    if (sender._bound()) return
    let budget = KEEPALIVE - sender._inflight()
    const list = [...queue._unstored(), ...queue._inStore()].filter((r) => !r._sending)
    while (list.length) {
      const batch = sender._pack(list, Math.min(c._maxBatchBytes, budget))
      // No drop count here: the stash carries it to a page that will hear the answer.
      const [enc, url, n] = sender._encode(batch, 0)
      if (!batch.length || !url || n > budget) return
      list.splice(0, batch.length)
      budget -= n
      try {
        sender._post(batch, enc, url, n).then(
          (res) => void (res.ok && queue._acknowledge(batch)),
          () => {},
        )
      } catch {
        // No keepalive fetch: a beacon, never acknowledged. Offline, a browser accepts a beacon
        // and then drops it, so none is sent then.
        if (nav?.onLine === false) return
        c._ledger._stats.requests++
        if (!c._beacon?.(url, new Blob([enc.body], { type: 'text/plain' }))) return
        c._ledger._count('sent', batch.length)
      }
    }
  }

  return {
    /**
     * Between `track()` and its IndexedDB commit the events are in this tab's memory only, and a
     * starved renderer can be torn down with no pagehide at all: so they are written ahead to the
     * stash as they arrive, and the stash follows the store (empty once it holds them all). The
     * drop count stays with the living tab, which reports it itself; pagehide stashes it.
     */
    _ahead() {
      own.write(queue._unstored().map((r) => r._event))
    },
    /** The page is going: stash what no store holds yet, then send what fits. */
    _leave() {
      const unsent = queue._unstored().map((r) => r._event)
      const told = queue._unreported
      if (own.leave(told ? [...unsent, told] : unsent)) {
        c._ledger._count('stashed', unsent.length)
        queue._unreported = 0
      }
      send()
    },
    /** What pages gone stashed (see ownStash's `take`). */
    _take: own.take,
    /** Disposed: this tab writes no more, and a page that opens may take its stash. */
    _release: own.release,
    /** Back from the back/forward cache: what no later page took from the stash is this page's again. */
    _back() {
      for (const item of takeStash(w, own.back())) if (typeof item === 'number') queue._unreported += item
    },
  }
}
