import { describe, expect, it, vi } from 'vitest'
import { memoryKv } from '../../src/storage/memoryKv'
import { countingKv, ev, fakeFetch, fakeLocks, fakeWindow, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

const bytes = (s: { init: RequestInit }) => new Blob([String(s.init.body)]).size

describe('page hide and unload', () => {
  it('flushes when the page becomes hidden', async () => {
    const { pipeline, net, win } = make({ flushIntervalMs: 60_000 })
    pipeline.enqueue(ev())
    await settle()
    win.document.visibilityState = 'hidden'
    win.document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(net.sent).toHaveLength(1)
  })

  it('sends synchronously on pagehide, with keepalive, even events enqueued in the same task', async () => {
    const { pipeline, net, win, kv } = make({ flushIntervalMs: 60_000 })
    await settle()
    const e = ev()
    pipeline.enqueue(e)
    win.dispatchEvent(new Event('pagehide'))
    expect(net.ids()).toEqual([e.id])
    expect(net.sent[0]!.init.keepalive).toBe(true)
    await settle()
    // Acknowledged: gone from the store.
    expect(kv.map.size).toBe(0)
  })

  it('sends only what fits the 64 KiB keepalive quota and leaves the rest for the next visit', async () => {
    const kv = countingKv()
    const { pipeline, net, win } = make({ kv, flushIntervalMs: 60_000 }, [], 'hang')
    await settle()
    const events = Array.from({ length: 30 }, () => ev(5000))
    for (const e of events) pipeline.enqueue(e)
    await settle()
    win.dispatchEvent(new Event('pagehide'))
    const total = net.sent.reduce((n, s) => n + bytes(s), 0)
    expect(total).toBeLessThanOrEqual(65536)
    expect(total).toBeGreaterThan(50_000)
    expect([...kv.map.keys()].filter((k) => k !== 'lease')).toHaveLength(30)
    pipeline.dispose()
    // Next visit (after the dead tab's 10 s lease): everything arrives.
    const next = fakeFetch()
    make({ kv, fetch: next.fetch })
    await settle(11_000)
    expect(new Set(next.ids())).toEqual(new Set(events.map((e) => e.id)))
  })

  it('counts keepalive bytes already in flight against the quota', async () => {
    const { pipeline, net, win } = make({ flushIntervalMs: 60_000 }, ['hang'], 200)
    const big = Array.from({ length: 11 }, () => ev(5000))
    for (const e of big) pipeline.enqueue(e)
    await settle()
    await pipeline.flush() // ~55 KiB in flight, unanswered
    await settle()
    expect(net.sent).toHaveLength(1)
    const inFlight = bytes(net.sent[0]!)
    for (let i = 0; i < 30; i++) pipeline.enqueue(ev(600))
    await settle()
    win.dispatchEvent(new Event('pagehide'))
    const later = net.sent.slice(1)
    const sentLater = later.flatMap((s) => s.body.events)
    expect(inFlight + later.reduce((n, s) => n + bytes(s), 0)).toBeLessThanOrEqual(65536)
    expect(sentLater.length).toBeGreaterThan(5)
    expect(sentLater.length).toBeLessThan(30)
    // The events in flight are not sent a second time.
    expect(sentLater.filter((e) => big.some((b) => b.id === e.id))).toEqual([])
  })

  it('falls back to sendBeacon with a text/plain Blob when fetch throws, and stops when it returns false', async () => {
    const beacons: Blob[] = []
    let accept = 1
    const { pipeline, win, kv } = make({
      flushIntervalMs: 60_000,
      maxBatchEvents: 5,
      fetch: () => {
        throw new TypeError('keepalive unsupported')
      },
      sendBeacon: (_url, data) => {
        if (!accept--) return false
        beacons.push(data)
        return true
      },
    })
    await settle()
    for (let i = 0; i < 12; i++) pipeline.enqueue(ev())
    await settle()
    win.dispatchEvent(new Event('pagehide'))
    expect(beacons).toHaveLength(1)
    expect(beacons[0]!.type).toBe('text/plain')
    expect(JSON.parse(await beacons[0]!.text()).events).toHaveLength(5)
    expect(pipeline.stats().requests).toBe(2)
    // A beacon is never acknowledged: every row stays for the next visit.
    expect(kv.map.size).toBe(12)
  })
})

describe('a tab closed before its IndexedDB write commits', () => {
  const storage = () => {
    const map = new Map<string, string>()
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      key: (i: number) => [...map.keys()][i] ?? null,
      get length() {
        return map.size
      },
      map,
    }
  }
  /** The ids of every stash in `localStorage`, whichever tab wrote it. */
  const stashed = (localStorage: ReturnType<typeof storage>): string[] =>
    [...localStorage.map]
      .filter(([k]) => k.startsWith('linger:unsent'))
      .flatMap(([, v]) => JSON.parse(v).map((e: { id: string }) => e.id))

  it('stashes the unstored events in localStorage on pagehide; the next load queues and sends them', async () => {
    const localStorage = storage()
    // The store takes 50 ms per operation and the endpoint is down: the keepalive fails.
    const slow = countingKv([], 50)
    const first = make({ kv: slow, flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    await settle()
    const events = [ev(), ev(), ev()]
    for (const e of events) first.pipeline.enqueue(e)
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()
    // The tab is gone before the write committed: only the stash holds the events.
    expect(stashed(localStorage)).toEqual(events.map((e) => e.id))

    // Next visit, a fresh (empty) store and a working endpoint.
    const next = make({ window: Object.assign(first.win, { localStorage }) as never })
    await settle()
    await next.pipeline.flush()
    await settle()
    expect(next.net.ids()).toEqual(events.map((e) => e.id))
    expect(stashed(localStorage)).toEqual([])
  })

  it('a tab torn down with no pagehide at all (a starved renderer) left its events in the stash already; once stored, the stash is gone', async () => {
    const localStorage = storage()
    // The store takes 50 ms per operation: the writes have not committed when the tab dies.
    const slow = countingKv([], 50)
    const first = make({ kv: slow, flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    await settle()
    const events = [ev(), ev(), ev()]
    for (const e of events) first.pipeline.enqueue(e)
    // The task that tracked them ends (its microtasks run); then the browser kills the renderer:
    // no pagehide, no write committed. The stash holds them.
    await Promise.resolve()
    expect(stashed(localStorage)).toEqual(events.map((e) => e.id))
    // A tab that lives on: once the store holds them, the stash no longer does.
    await vi.waitFor(() => expect(slow.map.size).toBe(3))
    await vi.waitFor(() => expect(stashed(localStorage)).toEqual([]))
    first.pipeline.dispose()
  })

  it('the next page sends what a torn-down tab left written ahead, once', async () => {
    const localStorage = storage()
    const stuck = countingKv([], 60_000)
    const first = make({ kv: stuck, flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    const events = [ev(), ev()]
    for (const e of events) first.pipeline.enqueue(e)
    await Promise.resolve()
    first.pipeline.dispose() // killed: no pagehide

    const next = make({ window: Object.assign(first.win, { localStorage }) as never })
    await settle()
    await next.pipeline.flush()
    await settle()
    expect(next.net.ids()).toEqual(events.map((e) => e.id))
    expect(stashed(localStorage)).toEqual([])
  })

  it('a tab that opens takes the stashes of tabs gone, never of a tab that lives on', async () => {
    // Found by the issue-20 busy runs: localStorage is not kept in step across a browser's
    // processes, so a tab reading a living tab's stash can read an old copy, and its removal then
    // wipes the newer one. A living tab holds a Web Lock named like its stash.
    const localStorage = storage()
    const locks = fakeLocks()
    const tab = () => {
      const t = make(
        { kv: countingKv([], 60_000), flushIntervalMs: 60_000, window: fakeWindow(locks) },
        [],
        'network',
      )
      Object.assign(t.win, { localStorage })
      return t
    }
    const living = tab()
    const gone = tab()
    await settle() // both have looked for stashes to take
    const mine = [ev(), ev()]
    const theirs = [ev()]
    for (const e of mine) living.pipeline.enqueue(e)
    for (const e of theirs) gone.pipeline.enqueue(e)
    await Promise.resolve()
    gone.pipeline.dispose() // torn down: its lock goes with it

    const next = make({ window: Object.assign(fakeWindow(locks), { localStorage }) as never })
    await settle()
    // The gone tab's event is the new tab's now (stored, to send once the flush lock is its);
    // the living tab's stash stays, with both of its events.
    expect([...next.kv.map.keys()].filter((k) => k !== 'lease')).toEqual(theirs.map((e) => e.id))
    expect(stashed(localStorage)).toEqual(mine.map((e) => e.id))
  })

  it('stashes events held by a store that fell back to memory, though it took them', async () => {
    const localStorage = storage()
    const first = make({ kv: memoryKv(), flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    const events = [ev(), ev()]
    for (const e of events) first.pipeline.enqueue(e)
    await settle()
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()
    // The write committed, but to memory: without the stash the failed keepalive was their end.
    expect(stashed(localStorage)).toEqual(events.map((e) => e.id))
  })

  it("sends and stashes, in that task, what the page's own pagehide handlers track after ours", async () => {
    const localStorage = storage()
    const { pipeline, net, win } = make({ flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(win, { localStorage })
    await settle()
    const first = ev()
    pipeline.enqueue(first)
    const left = ev()
    // Registered after the pipeline's listener, as a page's analytics code added later would be.
    win.addEventListener('pagehide', () => pipeline.enqueue(left))
    win.dispatchEvent(new Event('pagehide'))
    // The microtask after the listener (browsers run one after each): no IndexedDB write, no
    // timer. Both went out, and the failed keepalive leaves both stashed.
    await Promise.resolve()
    expect(new Set(net.ids())).toEqual(new Set([first.id, left.id]))
    expect(stashed(localStorage)).toEqual([first.id, left.id])
  })

  it('two tabs closing together both keep their stash; the next load sends both', async () => {
    const localStorage = storage()
    const tabs = [0, 1].map(() => {
      const tab = make({ kv: countingKv([], 50), flushIntervalMs: 60_000 }, [], 'network')
      Object.assign(tab.win, { localStorage })
      return tab
    })
    await settle()
    const events = tabs.map((tab) => {
      const mine = [ev(), ev()]
      for (const e of mine) tab.pipeline.enqueue(e)
      return mine
    })
    for (const tab of tabs) {
      tab.win.dispatchEvent(new Event('pagehide'))
      tab.pipeline.dispose()
    }
    const all = events.flat().map((e) => e.id)
    expect(stashed(localStorage).sort()).toEqual([...all].sort())

    const next = make({ window: Object.assign(tabs[0]!.win, { localStorage }) as never })
    await settle()
    await next.pipeline.flush()
    await settle()
    expect(next.net.ids().sort()).toEqual([...all].sort())
    expect(stashed(localStorage)).toEqual([])
  })

  it('stashes every event not yet stored, however many, not just the newest 200', async () => {
    const localStorage = storage()
    // Found by the tabs-closing-together chaos run: a tab that took two closed tabs' stashes (200
    // events) and tracked 100 of its own closed before its write committed, and 100 were cut.
    const first = make({ kv: countingKv([], 50), flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    await settle()
    const events = Array.from({ length: 300 }, () => ev())
    for (const e of events) first.pipeline.enqueue(e)
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()
    expect(stashed(localStorage).sort()).toEqual(events.map((e) => e.id).sort())
  })

  it('a closing tab hands the drops it has not reported yet to the next page, which reports them once', async () => {
    const localStorage = storage()
    // Found by the chaos run: a tab dropped 15 events over the cap, its batch failed, it closed —
    // the count lived only in its memory and the 15 were lost without a trace.
    const old = Array.from({ length: 8 }, () => ev())
    const kv = countingKv(old.map((e) => [e.id, e]))
    const first = make({ kv, maxQueueEvents: 5, flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    await settle()
    expect(first.pipeline.stats().dropped).toBe(3)
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()

    const next = make({ kv, maxQueueEvents: 5, window: Object.assign(first.win, { localStorage }) as never })
    await settle()
    expect(next.net.ids()).toEqual(old.slice(3).map((e) => e.id))
    expect(next.net.sent.reduce((n, s) => n + (s.body.dropped ?? 0), 0)).toBe(3)
  })

  it('a drop count is reported once although a keepalive at pagehide reached the endpoint', async () => {
    const localStorage = storage()
    const old = Array.from({ length: 8 }, () => ev())
    const kv = countingKv(old.map((e) => [e.id, e]))
    const net = fakeFetch(['network'], 200)
    const first = make({ kv, fetch: net.fetch, maxQueueEvents: 5, flushIntervalMs: 60_000 })
    Object.assign(first.win, { localStorage })
    await settle()
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()
    const next = make({ kv, fetch: net.fetch, window: Object.assign(first.win, { localStorage }) as never })
    next.pipeline.enqueue(ev())
    await settle(11_000)
    // The first request failed; every later one was taken.
    const told = net.sent.slice(1).reduce((n, s) => n + (s.body.dropped ?? 0), 0)
    expect(told).toBe(3)
    expect(next.pipeline.stats().queued).toBe(0)
  })

  it('a page restored from the back/forward cache takes its own stash back: nothing is told twice', async () => {
    const localStorage = storage()
    const old = Array.from({ length: 8 }, () => ev())
    const kv = countingKv(old.map((e) => [e.id, e]))
    const net = fakeFetch(['network'], 200)
    const { pipeline, win } = make({ kv, fetch: net.fetch, maxQueueEvents: 5, flushIntervalMs: 60_000 })
    Object.assign(win, { localStorage })
    await settle()
    win.dispatchEvent(new Event('pagehide'))
    const fresh = ev()
    win.dispatchEvent(new Event('pageshow'))
    expect(stashed(localStorage)).toEqual([])
    pipeline.enqueue(fresh)
    await settle()
    await pipeline.flush()
    await settle(2000)
    expect(net.sent.at(-1)!.body.events.map((e) => e.id)).toContain(fresh.id)
    expect(net.sent.at(-1)!.body.dropped).toBe(3)
    expect(localStorage.map.size).toBe(0)
  })

  it('sends the unstored events first within the keepalive budget', async () => {
    const slow = countingKv([], 50)
    const { pipeline, net, win } = make({ kv: slow, flushIntervalMs: 60_000 })
    Object.assign(win, { localStorage: storage() })
    await settle()
    const fresh = ev()
    pipeline.enqueue(fresh)
    win.dispatchEvent(new Event('pagehide'))
    expect(net.ids()[0]).toBe(fresh.id)
  })
})
