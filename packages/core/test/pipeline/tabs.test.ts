import { describe, expect, it } from 'vitest'
import { countingKv, ev, fakeFetch, fakeLocks, fakeWindow, type Sent, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

describe('several tabs, one queue', () => {
  for (const mode of ['Web Locks', 'lease'] as const) {
    it(`delivers every event of two tabs exactly once (${mode})`, async () => {
      const kv = countingKv([], 1)
      const locks = mode === 'Web Locks' ? fakeLocks() : undefined
      const net = fakeFetch([], 200)
      const a = make({ kv, fetch: net.fetch, window: fakeWindow(locks), maxBatchEvents: 7 })
      const b = make({ kv, fetch: net.fetch, window: fakeWindow(locks), maxBatchEvents: 7 })
      const events = Array.from({ length: 60 }, () => ev())
      for (const [i, e] of events.entries()) (i % 2 ? a : b).pipeline.enqueue(e)
      await settle()
      await Promise.all([a.pipeline.flush(), b.pipeline.flush(), a.pipeline.flush()])
      await settle(20_000)
      expect(net.ids().sort()).toEqual(events.map((e) => e.id).sort())
      expect(kv.map.size).toBe(0)
    })
  }

  it('counts a cap drop once, though both tabs saw the same stored events', async () => {
    // Found by the chaos run: two tabs each dropped the same oldest events over the cap and both
    // reported them, so the endpoint heard of 136 drops for 68 events.
    const kv = countingKv([], 1)
    const locks = fakeLocks()
    let up = false
    const accepted: Sent['body'][] = []
    const net = fakeFetch([], (body) => {
      if (up) accepted.push(body)
      return up ? 200 : 'network'
    })
    const opts = { kv, fetch: net.fetch, maxQueueEvents: 10, flushIntervalMs: 60_000 }
    const a = make({ ...opts, window: fakeWindow(locks) })
    const b = make({ ...opts, window: fakeWindow(locks) })
    const events = Array.from({ length: 14 }, () => ev())
    for (const e of events.slice(0, 8)) a.pipeline.enqueue(e)
    await settle(10)
    // The endpoint is down; both tabs read the 8 stored events while trying.
    void a.pipeline.flush()
    await settle(10)
    void b.pipeline.flush()
    await settle(10)
    for (const [i, e] of events.slice(8).entries()) (i % 2 ? a : b).pipeline.enqueue(e)
    await settle(10)
    up = true
    await settle(60_000)
    const delivered = new Set(accepted.flatMap((body) => body.events.map((e) => e.id)))
    const told = accepted.reduce((n, body) => n + (body.dropped ?? 0), 0)
    expect(delivered.size + told).toBe(events.length)
    expect(a.pipeline.stats().dropped + b.pipeline.stats().dropped).toBe(4)
    expect(kv.map.size).toBe(0)
  })

  it('resends a batch whose tab died in flight (at-least-once)', async () => {
    const kv = countingKv()
    const { pipeline } = make({ kv }, ['hang'])
    const e = ev()
    pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle()
    pipeline.dispose() // the tab is gone; its request never answered
    expect(kv.map.has(e.id)).toBe(true)
    const next = fakeFetch()
    make({ kv, fetch: next.fetch })
    await settle(11_000)
    expect(next.ids()).toEqual([e.id])
  })

  it('waits while another tab holds the lease, then takes over when it expires', async () => {
    const kv = countingKv([['lease', { owner: 'other', until: Date.now() + 10_000 }]])
    const { pipeline, net } = make({ kv, flushIntervalMs: 5000 })
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(9000)
    expect(net.sent).toHaveLength(0)
    await settle(6000)
    expect(net.sent).toHaveLength(1)
  })
})
