import { newEventId } from '../identity/newEventId'
import { openKv } from '../storage/openKv'
import type { LingerEvent } from '../types'
import { lingerEncoder } from '../wire/formats/lingerEncoder'
import { retryDelay } from '../wire/retryDelay'
import { DB_NAME, QUEUE_STORE } from '../wire/storageLayout'
import { byteLength } from './byteLength'
import { packBatch, type QueuedEvent } from './packBatch'
import type { EncodedBatch, Pipeline, PipelineOptions } from './types'
import { stash, takeStash, UNSENT } from './unloadStash'
import { LEASE_KEY, withFlushLock } from './withFlushLock'

// The Fetch spec rejects a keepalive request once the page's keepalive bodies in flight pass 64 KiB.
const KEEPALIVE = 65536

type Keyed = { e: { id: string } }
const byId = (a: QueuedEvent, b: QueuedEvent) => (a.e.id < b.e.id ? -1 : 1)
const ids = (list: Keyed[]) => list.map((r) => r.e.id)
const sizeOf = (e: unknown) => byteLength(JSON.stringify(e))

/**
 * The zero-loss event pipeline: events are written to the store (one record per event, keyed by
 * its time-ordered id) before any send, batched by count and bytes, and deleted only after a 2xx.
 * Tabs sharing the store share one queue; one of them flushes at a time.
 */
export function createPipeline(o: PipelineOptions): Pipeline {
  const { site, endpoint, encode = lingerEncoder, now = Date.now, random = Math.random } = o
  const { flushIntervalMs = 5000, maxBatchEvents = 50, maxBatchBytes = 61440, maxAgeMs = 6048e5 } = o
  const { maxQueueEvents = 1000, maxQueueBytes = 2097152 } = o
  const w = o.window ?? globalThis.window
  const nav = w?.navigator
  const send = o.fetch ?? w?.fetch.bind(w)
  const beacon = o.sendBeacon ?? nav?.sendBeacon?.bind(nav)
  const debug = (code: string, detail?: unknown) => o.onDebug?.(code, detail)
  const kv = o.kv ?? openKv(DB_NAME, QUEUE_STORE, { onFallback: (why) => debug('kv', why) })
  const me = newEventId()
  const overhead = byteLength(site) + 99
  const stats = { sent: 0, dropped: 0, requests: 0 }

  let consent = o.consent
  let q = new Map<string, QueuedEvent>()
  let incoming: LingerEvent[] = []
  let toPut: QueuedEvent[] = []
  let toDel: Keyed[] = []
  let writing: Promise<void> | undefined
  let kind = kv.kind
  let unreported = 0 // dropped here and not yet told to the endpoint
  let attempt = 0
  let retryAt = 0
  let hard = false // retryAt came from Retry-After: coming back online does not lift it
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = false
  let again = false // a flush was asked for while a cycle ran
  let inflight = 0
  let maxCount = maxBatchEvents
  let gen = 0 // bumped by forget(): work started before it must not resurrect events
  let dead = false
  let gone = false // between pagehide and pageshow
  let release: (() => void) | undefined
  let bytes = 0

  const sorted = () => [...q.values()].sort(byId)
  const inStore = () => sorted().filter((r) => r.s === 1)
  const unstored = () => sorted().filter((r) => r.s !== 1)
  const arm = (ms: number) => {
    clearTimeout(timer)
    if (!dead)
      timer = setTimeout(() => {
        timer = undefined
        flush()
      }, ms)
  }

  /** Removes `list` from the queue as dropped; `tell` = report the count in the next batch. */
  const drop = <T extends Keyed>(list: T[], code: string, tell = true) => {
    for (const r of list) q.delete(r.e.id)
    stats.dropped += list.length
    if (tell) unreported += list.length
    if (list.length) debug(code, list.length)
    return list
  }

  /** Oldest events over the count/bytes caps, and with `age`, those older than maxAgeMs. */
  const excess = (age: boolean) => {
    let count = q.size
    bytes = 0
    for (const r of q.values()) bytes += r.n
    const over = () => count > maxQueueEvents || bytes > maxQueueBytes
    if (!age && !over()) return []
    const cut = now() - maxAgeMs
    return sorted().filter((r) => {
      const out = over() || (age && Date.parse(r.e.ts) < cut)
      if (out) {
        count--
        bytes -= r.n
      }
      return out
    })
  }

  // A failed delete only means a duplicate later (at-least-once), so it never aborts the work.
  const remove = (list: Keyed[]) => list.length && kv.delMany(ids(list)).catch(() => {})
  const put = (list: QueuedEvent[]) => kv.setMany(list.map((r) => [r.e.id, r.e]))

  /** One writer at a time: what arrives while a transaction runs goes into the next one. */
  const persist = (add: QueuedEvent[], del: Keyed[] = []) => {
    if (!consent) return
    toPut.push(...add)
    toDel.push(...del)
    writing ||= (async () => {
      while (toPut.length || toDel.length) {
        const add = toPut.splice(0)
        const del = toDel.splice(0)
        let stored = 1
        try {
          if (del.length) await kv.delMany(ids(del))
          await put(add)
        } catch {
          // QuotaExceededError from a store that does not fall back by itself: make room by
          // dropping our oldest stored half, then try once more. Failing that, the new events
          // live in memory only and still go out from there.
          const old = inStore()
          const cut = drop(old.slice(0, Math.ceil(old.length / 2)), 'quota')
          try {
            await kv.delMany(ids(cut))
            await put(add)
          } catch {
            stored = 2
          }
        }
        // A store that fell back to memory (IndexedDB hung, failed or full) dies with the tab:
        // its events count as unstored, so pagehide stashes them.
        if (kv.kind === 'memory') stored = 2
        // Sendable from now on: 1 = in the store, 2 = in memory only (sent from there all the same).
        for (const r of add) r.s = stored
        // The store just fell back to memory (quota, lost connection): give it the whole queue.
        if (kv.kind !== kind) {
          kind = kv.kind
          await put(sorted()).catch(() => {})
        }
      }
      writing = undefined
    })()
  }

  const ingest = () => {
    if (!incoming.length) return
    const add: QueuedEvent[] = []
    for (const e of incoming.splice(0)) {
      const r = { e, n: Infinity }
      try {
        r.n = sizeOf(e)
      } catch {} // a cycle or a BigInt in props: dropped like an oversized event, never thrown to the host
      if (r.n > 32768) drop([r], 'big')
      else {
        add.push(r)
        q.set(e.id, r)
      }
    }
    const capped = drop(excess(false), 'cap')
    persist(
      add.filter((r) => q.has(r.e.id)),
      capped,
    )
    if (q.size >= maxBatchEvents || bytes >= maxBatchBytes) flush()
    else if (!timer && q.size && consent) arm(flushIntervalMs)
  }

  /** 2xx: the events leave the queue, and the drops reported with them are told. */
  const ack = (batch: QueuedEvent[], told: number) => {
    attempt = 0
    unreported -= told
    stats.sent += batch.length
    for (const r of batch) q.delete(r.e.id)
    return remove(batch)
  }

  const encodeBatch = (batch: QueuedEvent[]) => {
    const enc = encode(
      // The service worker queues clicks without knowing the site: they travel as this page's.
      batch.map((r) => (r.e.site ? r.e : { ...r.e, site })),
      { site, sentAt: new Date(now()).toISOString(), dropped: unreported },
    )
    return [enc, enc.url ?? endpoint, byteLength(enc.body)] as const
  }

  /** POSTs an encoded batch with keepalive; its events count as in flight until the answer. */
  const post = (batch: QueuedEvent[], enc: EncodedBatch, url: string, n: number) => {
    const p = send!(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', ...enc.headers },
      body: enc.body,
      // A request that never answers would hold this tab's send cycle (and the flush lock) forever.
      signal: AbortSignal.timeout?.(30_000),
    })
    stats.requests++
    inflight += n
    const mark = (f: boolean) => {
      for (const r of batch) r.f = f
    }
    mark(true)
    const done = () => {
      inflight -= n
      mark(false)
    }
    p.then(done, done)
    return p
  }

  /** Re-reads the shared store (other tabs' and earlier visits' events), then sends batch by batch. */
  const deliver = async (g: number) => {
    const stored = new Set(ids(inStore()))
    const rows = await kv.entries<string, LingerEvent>()
    if (g !== gen) return
    const next = new Map<string, QueuedEvent>()
    const corrupt: Keyed[] = []
    for (const [id, e] of rows) {
      if (id === LEASE_KEY) continue
      // A record that is not an event (another script, a bug, a half-migrated store) is deleted,
      // not sent and not fatal: one bad row must not block the queue behind it.
      const valid =
        e?.id === id && typeof e.type === 'string' && typeof e.ts === 'string' && e.props instanceof Object
      if (valid) next.set(id, q.get(id) ?? { e, n: sizeOf(e), s: 1 })
      else corrupt.push({ e: { id } })
    }
    // Keep what was not stored when the read began; stored events missing from it were sent by another tab.
    for (const [id, r] of q) if (!stored.has(id)) next.set(id, r)
    q = next
    remove(drop(corrupt, 'corrupt'))
    await remove(drop(excess(true), 'cap'))
    while (consent && !dead && g === gen) {
      // Only what is stored goes out: an event must survive this tab before it is sent.
      const batch = packBatch(
        sorted().filter((r) => r.s && !r.f),
        maxCount,
        maxBatchBytes,
        overhead,
      )
      if (!batch.length) return
      const [enc, url, n] = encodeBatch(batch)
      if (!url) return
      if (n >= KEEPALIVE && batch.length > 1) {
        maxCount = Math.ceil(batch.length / 2)
        continue
      }
      const told = unreported
      let res: Response | undefined
      try {
        res = await post(batch, enc, url, n)
      } catch {}
      if (g !== gen) return
      const status = res?.status ?? 0
      if (status > 199 && status < 300) await ack(batch, told)
      else if (status === 413 && batch.length > 1) maxCount = Math.ceil(batch.length / 2)
      else if (!status || status === 408 || status === 429 || status > 499) {
        const after = res?.headers.get('retry-after')
        const ms = retryDelay(attempt, random, now(), after)
        hard = !!after
        attempt = Math.min(attempt + 1, 30)
        retryAt = now() + ms
        debug('retry', { status, ms })
        return arm(ms)
      } else {
        // Any other answer (4xx, or 413 for one event) will not change on retry: drop the batch.
        debug('reject', status)
        await remove(drop(batch, 'drop', false))
      }
    }
  }

  /** On pagehide: send now, synchronously, what fits in the keepalive quota; the rest waits in the store. */
  const unload = () => {
    release?.()
    // A server's Retry-After binds even now; after a plain failure one more try costs little.
    if (hard && now() < retryAt) return
    let budget = KEEPALIVE - inflight
    // Events not yet in IndexedDB first: this request (and the stash) is all they have.
    const list = [...unstored(), ...inStore()].filter((r) => !r.f)
    while (list.length) {
      const batch = packBatch(list, maxCount, Math.min(maxBatchBytes, budget), overhead)
      const [enc, url, n] = encodeBatch(batch)
      if (!batch.length || !url || n > budget) return
      list.splice(0, batch.length)
      budget -= n
      const told = unreported
      // This is the last chance to report drops from memory; count them told.
      unreported = 0
      try {
        post(batch, enc, url, n).then(
          (res) => {
            if (res.ok) ack(batch, 0)
          },
          () => {},
        )
      } catch {
        stats.requests++
        // A beacon is never acknowledged: the events stay stored and go again on the next visit.
        if (!beacon?.(url, new Blob([enc.body], { type: 'text/plain' }))) {
          unreported += told
          return
        }
        for (const r of batch) q.delete(r.e.id)
      }
    }
  }

  /** One send cycle at a time per tab; a flush asked for meanwhile runs right after it. */
  const flushNow = async (opts?: { unloading?: boolean }) => {
    ingest()
    if (!consent || dead) return
    if (opts?.unloading) return unload()
    if (now() < retryAt) return arm(retryAt - now())
    if (gone || nav?.onLine === false) return
    if (busy) {
      again = true
      return
    }
    busy = true
    const g = gen
    try {
      await writing
      // Racing `release` lets pagehide end the lock at once, so the page stays bfcache-eligible.
      const ran = await withFlushLock(
        () => Promise.race([deliver(g), new Promise<void>((done) => (release = done))]),
        kv,
        nav?.locks,
        now,
        me,
      )
      if (!ran) debug('locked')
    } finally {
      busy = false
      release = undefined
      if (again) arm(0)
      else if (q.size && !timer && consent) arm(flushIntervalMs)
      again = false
    }
  }

  // Never rejects: a failing store, fetch or encoder is reported to onDebug, not to the host.
  const flush = (opts?: { unloading?: boolean }) =>
    flushNow(opts).catch((error) => {
      debug('error', error)
    })

  // One abort removes every listener on dispose().
  const listening = new AbortController()
  const on = (target: EventTarget | undefined, type: string, fn: () => unknown) =>
    target?.addEventListener(type, fn, { signal: listening.signal })
  /** The page is going: stash what is not stored yet, then send what fits in one go. */
  const leave = () => {
    ingest()
    // Stashed before sending: a beacon is never acknowledged.
    const unsent = unstored().map((r) => r.e)
    if (consent) stash(w, `${UNSENT}:${me}`, unsent)
    flush({ unloading: true })
  }
  on(w, 'pagehide', () => {
    leave()
    // The page may be entering the bfcache: a flush now (the visibilitychange that follows
    // pagehide) would request a Web Lock and make Chrome evict it.
    gone = true
  })
  on(w, 'pageshow', () => {
    gone = false
  })
  on(w, 'online', () => {
    if (!hard) retryAt = attempt = 0
    flush()
  })
  on(w?.document, 'visibilitychange', () => w!.document.visibilityState === 'hidden' && flush())
  // Events stored (or stashed) by earlier visits, or by tabs that died, go out now.
  if (consent) {
    const stashed = takeStash(w, UNSENT) as LingerEvent[]
    incoming.push(...stashed.filter((e) => e?.id && e.type))
    ingest()
    arm(0)
  }

  return {
    enqueue(event) {
      if (dead) return
      // Tracked after pagehide (the page's own pagehide handler, added after ours): no microtask
      // or IndexedDB write will finish now, so it leaves the way pagehide's events did.
      if (gone) {
        incoming.push(event)
        leave()
      } else if (incoming.push(event) === 1) queueMicrotask(ingest)
    },
    flush,
    setConsent(granted) {
      const was = consent
      consent = granted
      if (granted && !was) {
        persist(unstored())
        arm(0)
      }
    },
    async forget() {
      gen++
      incoming = []
      q = new Map()
      toPut = []
      toDel = []
      unreported = 0
      await writing
      await kv.clear()
      takeStash(w, UNSENT) // and discard
    },
    dispose() {
      dead = true
      clearTimeout(timer)
      release?.()
      listening.abort()
    },
    stats: () => ({ queued: q.size + incoming.length, ...stats }),
  }
}
