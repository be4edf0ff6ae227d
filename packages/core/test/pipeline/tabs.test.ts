import { describe, expect, it } from 'vitest'
import { countingKv, ev, fakeFetch, fakeLocks, fakeWindow, settle } from './helpers'
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
