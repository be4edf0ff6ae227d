import type { LingerEvent } from '../types'
import { byteLength } from './byteLength'
import type { PipelineContext } from './PipelineContext'
import { IN_MEMORY, IN_STORE, type QueuedEvent } from './QueuedEvent'
import type { DropReason } from './types'
import { LEASE_KEY } from './withFlushLock'

const byId = (a: QueuedEvent, b: QueuedEvent) => (a._event.id < b._event.id ? -1 : 1)
// What a cap drops last: purchases, survey answers, conversions and push outcomes (and a custom
// event whose name begins like one, which costs nothing).
const MATTERS = /^(purchase|survey|campaign\.converted|push)/
const matters = (r: QueuedEvent) => +MATTERS.test(r._event.type)
/** The order in which a cap drops: the events that matter least, then the oldest, first. */
const dropOrder = (a: QueuedEvent, b: QueuedEvent) => matters(a) - matters(b) || byId(a, b)
const idsOf = (list: QueuedEvent[]) => list.map((r) => r._event.id)
const sizeOf = (e: unknown) => byteLength(JSON.stringify(e))

/**
 * This tab's copy of the shared queue, and its persistence. An event enters by `_add` (tracked
 * here, or taken from a closed page's stash) and leaves only by `_acknowledge` (a 2xx covered it)
 * or `_drop` (counted by reason, and reported to the endpoint in a later batch).
 */
export function createEventQueue(c: PipelineContext) {
  const {
    _kv: kv,
    _ledger: ledger,
    _maxQueueEvents: maxEvents,
    _maxQueueBytes: maxBytes,
    _maxAgeMs: maxAge,
  } = c
  let events = new Map<string, QueuedEvent>()
  let toPut: QueuedEvent[] = []
  let toDel: QueuedEvent[] = []
  let writing: Promise<void> | undefined
  // forget() asked the writer to clear the store; the last clear's error, for forget() to rethrow.
  let clearDue = false
  let failed: [error: unknown] | undefined
  let kind = kv.kind

  const sorted = () => [...events.values()].sort(byId)
  const inStore = () => sorted().filter((r) => r._kept === IN_STORE)
  const unstored = () => sorted().filter((r) => r._kept !== IN_STORE)
  // A failed delete only means a duplicate later (at-least-once), so it never aborts the work.
  const remove = (list: QueuedEvent[]) => list.length && kv.delMany(idsOf(list)).catch(() => {})
  const put = (list: QueuedEvent[]) => kv.setMany(list.map((r) => [r._event.id, r._event]))

  /** Takes `list` out of this tab's copy; returns it (for `remove`). */
  const take = (list: QueuedEvent[]) => {
    for (const r of list) events.delete(r._event.id)
    return list
  }

  /** Removes `list` as dropped; `tell`: report the count to the endpoint with a later batch. */
  const drop = (list: QueuedEvent[], reason: DropReason, tell = true) => {
    take(list)
    ledger._drop(reason, list.length)
    if (tell) queue._unreported += list.length
    return list
  }

  /** The events over the count and bytes caps (in drop order), and with `age` those older than maxAgeMs. */
  const excess = (list: QueuedEvent[], age?: boolean) => {
    let count = list.length
    let bytes = 0
    for (const r of list) bytes += r._bytes
    const cut = c._now() - maxAge
    return list.sort(dropOrder).filter((r) => {
      const out = count > maxEvents || bytes > maxBytes || (age && Date.parse(r._event.ts) < cut)
      if (out) {
        count--
        bytes -= r._bytes
      }
      return out
    })
  }

  /** One writer at a time: what arrives while a transaction runs goes into the next one. */
  const persist = (add: QueuedEvent[], del: QueuedEvent[] = []) => {
    // With nothing to do the writer below would finish at once and stay set: no write would start again.
    if (!c._consent || !(add.length || del.length)) return
    toPut.push(...add)
    toDel.push(...del)
    write()
  }
  const write = () =>
    (writing ||= (async () => {
      while (clearDue || toPut.length || toDel.length) {
        // forget()'s clear, in line with the writes: after the one running at the cut (its events
        // are erased with it), before any made after the cut (those are kept).
        if (clearDue) {
          clearDue = false
          failed = await kv.clear().then(
            () => undefined,
            (e: unknown) => [e],
          )
        }
        // What was dropped or acknowledged while it waited is not written.
        const add = toPut.splice(0).filter((r) => events.get(r._event.id) === r)
        const del = toDel.splice(0)
        let kept: QueuedEvent['_kept'] = IN_STORE
        try {
          if (del.length) await kv.delMany(idsOf(del))
          await put(add)
        } catch {
          // QuotaExceededError from a store that does not fall back by itself: make room by
          // dropping the stored half that matters least, then try once more. Failing that, the new
          // events live in memory only and still go out from there.
          const old = inStore()
          const cut = drop(old.sort(dropOrder).slice(0, Math.ceil(old.length / 2)), 'quota')
          try {
            await kv.delMany(idsOf(cut))
            await put(add)
          } catch {
            kept = IN_MEMORY
          }
        }
        // A store that fell back to memory (IndexedDB hung, failed or full) dies with the tab:
        // its events count as unstored, so pagehide stashes them.
        if (kv.kind === 'memory') kept = IN_MEMORY
        for (const r of add) r._kept = kept
        if (kept === IN_STORE) ledger._count('stored', add.length)
        // Dropped while its write ran: out of the store again.
        toDel.push(...add.filter((r) => events.get(r._event.id) !== r))
        // The store just fell back to memory (quota, lost connection): give it the whole queue.
        if (kv.kind !== kind) {
          kind = kv.kind
          await put(sorted()).catch(() => {})
        }
      }
      writing = undefined
    })())

  const queue = {
    /** Dropped here and not yet reported to the endpoint. */
    _unreported: 0,
    _sorted: sorted,
    _inStore: inStore,
    _unstored: unstored,
    _drop: drop,
    _remove: remove,
    _persist: persist,
    _size: () => events.size,
    _writing: () => writing,

    /** Takes events in, tracked here or taken from a stash; returns the queue's size in bytes. */
    _add(list: LingerEvent[], fate: 'tracked' | 'unstashed') {
      ledger._count(fate, list.length)
      const fresh: QueuedEvent[] = []
      let bytes = 0
      for (const e of list) {
        const r: QueuedEvent = { _event: e, _bytes: Infinity }
        try {
          r._bytes = sizeOf(e)
        } catch {} // a cycle or a BigInt in props: dropped like an oversized event, never thrown to the host
        if (r._bytes > 32768) drop([r], 'big')
        else events.set(e.id, fresh[fresh.push(r) - 1]!)
      }
      // Capped here: only this tab's own events, not stored yet. The stored queue is capped under
      // the flush lock on a fresh read (`_reload`), so that two tabs never drop, and count, the
      // same stored events.
      persist(fresh, drop(excess(unstored()), 'cap'))
      for (const r of events.values()) bytes += r._bytes
      return bytes
    },

    /**
     * Under the flush lock: re-reads the shared store (other tabs' and earlier visits' events),
     * then applies the caps. False when `current()` says the work went stale (`forget`).
     */
    async _reload(current: () => boolean) {
      const stored = new Set(idsOf(inStore()))
      const rows = await kv.entries<string, LingerEvent>()
      if (!current()) return false
      const next = new Map<string, QueuedEvent>()
      const corrupt: QueuedEvent[] = []
      for (const [id, e] of rows) {
        if (id === LEASE_KEY) continue
        // A record that is not an event (another script, a bug, a half-migrated store) is deleted,
        // not sent and not fatal: one bad row must not block the queue behind it.
        const valid =
          e?.id === id && typeof e.type === 'string' && typeof e.ts === 'string' && e.props instanceof Object
        if (valid) next.set(id, events.get(id) ?? { _event: e, _bytes: sizeOf(e), _kept: IN_STORE })
        else corrupt.push({ _event: { id } } as QueuedEvent)
      }
      // Keep what was not stored when the read began; stored events missing from it were
      // acknowledged (or dropped) by another tab.
      for (const [id, r] of events) if (!stored.has(id)) next.set(id, r)
      events = next
      remove(drop(corrupt, 'corrupt'))
      await remove(drop(excess(sorted(), true), 'cap'))
      return true
    },

    /** A 2xx covered `batch`: its events leave the queue and the store. */
    _acknowledge(batch: QueuedEvent[]) {
      ledger._count('acknowledged', batch.length)
      return remove(take(batch))
    },

    /**
     * Erases what came before the call, at once in memory; the store is cleared by the writer, in
     * line with its writes, so an event added after this call is kept in memory and in the store.
     */
    async _forget() {
      events = new Map()
      toPut = []
      toDel = []
      queue._unreported = 0
      clearDue = true
      await write()
      if (failed) throw failed[0]
    },
  }
  return queue
}

export type EventQueue = ReturnType<typeof createEventQueue>
