import { describe, expect, it } from 'vitest'
import type { PipelineStats } from '../../src/pipeline/types'
import { countingKv, ev, fakeFetch, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

/** Each event ends acknowledged or dropped; until then it is queued in this tab. */
const settled = (s: PipelineStats) => s.tracked + s.unstashed === s.acknowledged + s.dropped + s.queued

describe("every event's fate is counted", () => {
  it('one tab: tracked = acknowledged + dropped (by reason) once the queue is empty', async () => {
    const { pipeline, debug } = make({ maxQueueEvents: 30, random: () => 0.5 }, [500, 400, 'network', 429])
    for (let i = 0; i < 40; i++) pipeline.enqueue(ev())
    pipeline.enqueue(ev(40_000))
    await settle()
    expect(pipeline.stats()).toMatchObject({ tracked: 41, stored: 30 })
    await pipeline.flush()
    await settle(3_600_000)
    const s = pipeline.stats()
    expect(s).toMatchObject({ tracked: 41, queued: 0, dropped: 41 - s.acknowledged })
    expect(s.droppedBy).toEqual({ big: 1, cap: 10, drop: expect.any(Number) })
    expect(s.acknowledged).toBe(30 - s.droppedBy.drop!)
    // Every request but the rejected and failed ones was acknowledged; copies sent ≥ acknowledged.
    expect(s.sent).toBeGreaterThan(s.acknowledged)
    expect(settled(s)).toBe(true)
    // The same fates reach onDebug (debug mode logs them).
    const told = (code: string) =>
      debug.filter(([c]) => c === code).reduce((n, [, d]) => n + (d as number), 0)
    expect(told('tracked')).toBe(41)
    expect(told('acknowledged')).toBe(s.acknowledged)
    expect(told('cap') + told('big') + told('drop')).toBe(s.dropped)
  })

  it('across tabs: what a closing tab stashes, the next page takes, and the sums add up', async () => {
    const map = new Map<string, string>()
    const localStorage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      key: (i: number) => [...map.keys()][i] ?? null,
      get length() {
        return map.size
      },
    }
    const kv = countingKv([], 50)
    const first = make({ kv, flushIntervalMs: 60_000 }, [], 'network')
    Object.assign(first.win, { localStorage })
    await settle()
    for (let i = 0; i < 12; i++) first.pipeline.enqueue(ev())
    first.win.dispatchEvent(new Event('pagehide'))
    first.pipeline.dispose()
    expect(first.pipeline.stats()).toMatchObject({ tracked: 12, stashed: 12, acknowledged: 0 })

    const net = fakeFetch()
    const next = make({ kv, fetch: net.fetch, window: Object.assign(first.win, { localStorage }) as never })
    await settle(11_000)
    for (let i = 0; i < 3; i++) next.pipeline.enqueue(ev())
    void next.pipeline.flush()
    await settle(1000)
    const s = next.pipeline.stats()
    expect(s).toMatchObject({ tracked: 3, unstashed: 12, queued: 0 })
    // Σ tracked over both tabs = events the endpoint took (unique) + drops.
    const tracked = first.pipeline.stats().tracked + s.tracked
    expect(new Set(net.ids()).size + s.dropped + first.pipeline.stats().dropped).toBe(tracked)
  })
})
