import { newEventId } from '../identity/newEventId'
import { openKv } from '../storage/openKv'
import type { LingerEvent } from '../types'
import { lingerEncoder } from '../wire/formats/lingerEncoder'
import { DB_NAME, QUEUE_STORE } from '../wire/storageLayout'
import { createEventQueue } from './createEventQueue'
import { createLedger } from './createLedger'
import { createSender } from './createSender'
import { createUnload } from './createUnload'
import type { PipelineContext } from './PipelineContext'
import type { Pipeline, PipelineOptions } from './types'
import { liveStashes, takeStash, UNSENT } from './unloadStash'
import { withFlushLock } from './withFlushLock'

/**
 * The zero-loss event pipeline. Its invariant: an event leaves the store only when a 2xx answer
 * covers it or when it is dropped with a counted reason (`DropReason`, reported in a later batch's
 * `dropped`); from the moment `enqueue` returns until then it is in the store, in the pagehide
 * stash, or in a keepalive request in flight (until its IndexedDB write commits, the stash is
 * written ahead at the end of the task that tracked it: a starved renderer can be torn down with
 * no pagehide). The parts: the queue and its persistence
 * (`createEventQueue`), sending and retry (`createSender`), leaving the page (`createUnload`);
 * here they are wired to the page's lifecycle. Tabs sharing the store share one queue; one of them
 * flushes at a time.
 */
export function createPipeline(o: PipelineOptions): Pipeline {
  const w = o.window ?? globalThis.window
  const nav = w?.navigator
  const debug = (code: string, detail?: unknown) => o.onDebug?.(code, detail)
  const c: PipelineContext = {
    _site: o.site,
    _endpoint: o.endpoint,
    _consent: o.consent,
    _kv: o.kv ?? openKv(DB_NAME, QUEUE_STORE, { onFallback: (why) => debug('kv', why) }),
    _window: w,
    _fetch: o.fetch ?? w?.fetch.bind(w),
    _beacon: o.sendBeacon ?? nav?.sendBeacon?.bind(nav),
    _encode: o.encode ?? lingerEncoder,
    _now: o.now ?? Date.now,
    _random: o.random ?? Math.random,
    _flushIntervalMs: o.flushIntervalMs ?? 5000,
    _maxBatchEvents: o.maxBatchEvents ?? 50,
    _maxBatchBytes: o.maxBatchBytes ?? 61440,
    _maxQueueEvents: o.maxQueueEvents ?? 1000,
    _maxQueueBytes: o.maxQueueBytes ?? 2097152,
    _maxAgeMs: o.maxAgeMs ?? 6048e5,
    _ledger: createLedger(debug),
    _debug: debug,
    _arm: (ms) => {
      clearTimeout(timer)
      if (!dead)
        timer = setTimeout(() => {
          timer = undefined
          flush()
        }, ms)
    },
  }
  const { _arm: arm, _ledger: ledger } = c
  const tab = newEventId()
  const queue = createEventQueue(c)
  const sender = createSender(queue, c)
  const unload = createUnload(queue, sender, c)

  let incoming: LingerEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = false
  let again = false // a flush was asked for while a cycle ran
  let gen = 0 // bumped by forget(): work started before it must not resurrect events
  let dead = false
  let gone = false // between pagehide and pageshow
  let release: (() => void) | undefined

  /** Events in: until their IndexedDB write commits they are written ahead to this tab's stash. */
  const add = (list: LingerEvent[], fate: 'tracked' | 'unstashed') => {
    const bytes = queue._add(list, fate)
    if (c._consent) {
      unload._ahead()
      void queue._writing()?.then(unload._ahead)
    }
    return bytes
  }
  const ingest = () => {
    if (!incoming.length) return
    const bytes = add(incoming.splice(0), 'tracked')
    if (queue._size() >= c._maxBatchEvents || bytes >= c._maxBatchBytes) flush()
    else if (!timer && queue._size() && c._consent) arm(c._flushIntervalMs)
  }

  /** One send cycle at a time per tab; a flush asked for meanwhile runs right after it. */
  const flushNow = async (opts?: { unloading?: boolean }) => {
    ingest()
    if (!c._consent || dead) return
    if (opts?.unloading) return unload._leave()
    const wait = sender._wait()
    if (wait) return arm(wait)
    if (gone) return
    if (busy) {
      again = true
      return
    }
    busy = true
    const g = gen
    try {
      await queue._writing()
      // Racing `release` lets pagehide end the lock at once, so the page stays bfcache-eligible.
      const ran = await withFlushLock(
        () =>
          Promise.race([
            sender._deliver(() => g === gen && !dead),
            new Promise<void>((done) => (release = done)),
          ]),
        c._kv,
        nav?.locks,
        c._now,
        tab,
      )
      if (!ran) debug('locked')
    } finally {
      busy = false
      release = undefined
      if (again) arm(0)
      else if (queue._size() && !timer && c._consent) arm(c._flushIntervalMs)
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
  const leave = () => {
    release?.()
    flush({ unloading: true })
  }
  on(w, 'pagehide', () => {
    leave()
    // The page may be entering the bfcache: a flush now (the visibilitychange that follows
    // pagehide) would request a Web Lock and make Chrome evict it.
    gone = true
  })
  on(w, 'pageshow', () => {
    if (gone) unload._back()
    gone = false
  })
  on(w, 'online', () => {
    sender._online()
    flush()
  })
  on(w?.document, 'visibilitychange', () => w!.document.visibilityState === 'hidden' && flush())
  // Events stored by earlier visits or by tabs that died, and what pages gone stashed, go out now.
  if (c._consent) {
    arm(0)
    void liveStashes(w).then((live) => {
      if (dead || gone || !c._consent) return
      const stashed = unload._take(live)
      for (const n of stashed) if (typeof n === 'number') queue._unreported += n
      add(
        (stashed as LingerEvent[]).filter((e) => e?.id && e.type),
        'unstashed',
      )
      flush()
    })
  }

  return {
    enqueue(event) {
      if (dead) return
      // Tracked after pagehide (the page's own pagehide handler, added after ours): no IndexedDB
      // write will finish now, so it leaves the way pagehide's events did — all of a task's at
      // once, in a microtask (one stash write, not one per event: a slow device may not finish).
      if (incoming.push(event) === 1) queueMicrotask(() => (gone ? leave() : ingest()))
    },
    flush,
    setConsent(granted) {
      const was = c._consent
      c._consent = granted
      if (granted && !was) {
        queue._persist(queue._unstored())
        arm(0)
      }
    },
    // The cut is taken now, not once the store is cleared: events enqueued after this call are kept.
    forget() {
      gen++
      incoming = []
      takeStash(w, UNSENT) // and discard
      return queue._forget()
    },
    dispose() {
      dead = true
      clearTimeout(timer)
      release?.()
      listening.abort()
      unload._release()
    },
    stats: () => ({ queued: queue._size() + incoming.length, ...ledger._stats }),
  }
}
