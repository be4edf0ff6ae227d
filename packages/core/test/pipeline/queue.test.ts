import { describe, expect, it } from 'vitest'
import { countingKv, ev, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

describe('queue limits', () => {
  it('drops the oldest events over the count cap and reports the count in the next batch', async () => {
    const { pipeline, net, kv, debug } = make({ maxQueueEvents: 10, maxBatchEvents: 50 })
    await settle()
    const events = Array.from({ length: 15 }, () => ev())
    for (const e of events) pipeline.enqueue(e)
    await settle()
    expect(kv.map.size).toBe(10)
    expect(debug).toContainEqual(['cap', 5])
    await pipeline.flush()
    await settle()
    expect(net.ids()).toEqual(events.slice(5).map((e) => e.id))
    expect(net.sent[0]!.body.dropped).toBe(5)
    expect(pipeline.stats()).toMatchObject({ dropped: 5, sent: 10 })
    // Told once: the next batch carries no count.
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    expect(net.sent[1]!.body.dropped).toBeUndefined()
  })

  it('keeps a failed batch’s drop count for the next batch', async () => {
    const { pipeline, net } = make({ maxQueueEvents: 2, random: () => 0 }, [500])
    for (let i = 0; i < 3; i++) pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(10)
    expect(net.sent.map((s) => s.body.dropped)).toEqual([1, 1])
  })

  it('drops the oldest events over the bytes cap', async () => {
    const { pipeline, kv } = make({ maxQueueBytes: 10_000 })
    await settle()
    for (let i = 0; i < 5; i++) pipeline.enqueue(ev(3000))
    await settle()
    expect(kv.map.size).toBe(3)
    expect(pipeline.stats()).toMatchObject({ queued: 3, dropped: 2 })
  })

  it('drops stored events older than maxAgeMs at flush', async () => {
    const old = ev(0, new Date(Date.now() - 8 * 86_400_000).toISOString())
    const fresh = ev()
    const kv = countingKv([
      [old.id, old],
      [fresh.id, fresh],
    ])
    const { net } = make({ kv })
    await settle()
    expect(net.ids()).toEqual([fresh.id])
    expect(net.sent[0]!.body.dropped).toBe(1)
    expect(kv.map.size).toBe(0)
  })

  it('when the cap must drop, drops page views and custom events before purchases, answers, conversions and push outcomes', async () => {
    const kept = ['purchase', 'survey.answered', 'campaign.converted', 'push.subscribed', 'push.denied']
    // The ones that matter are the oldest: by age alone they would go first.
    const events = [...kept, 'page.viewed', 'add-to-wishlist', 'campaign.shown', 'page.viewed', 'custom'].map(
      (type) => ({ ...ev(), type }),
    )
    const kv = countingKv(events.map((e) => [e.id, e]))
    const { net, pipeline } = make({ kv, maxQueueEvents: 6 })
    await settle()
    expect(net.ids().map((id) => events.find((e) => e.id === id)!.type)).toEqual([...kept, 'custom'])
    expect(pipeline.stats()).toMatchObject({ dropped: 4, droppedBy: { cap: 4 } })
    expect(net.sent[0]!.body.dropped).toBe(4)
  })

  it('on QuotaExceededError drops the oldest stored events, counts them, and never throws', async () => {
    const { pipeline, kv, net, debug } = make({ flushIntervalMs: 60_000 })
    await settle()
    const first = Array.from({ length: 4 }, () => ev())
    for (const e of first) pipeline.enqueue(e)
    await settle()
    kv.failNext.setMany = () => {
      kv.failNext.setMany = undefined
      return new DOMException('full', 'QuotaExceededError')
    }
    const later = ev()
    pipeline.enqueue(later)
    await settle()
    expect(debug).toContainEqual(['quota', 2])
    expect([...kv.map.keys()]).toEqual([first[2]!.id, first[3]!.id, later.id])
    await pipeline.flush()
    await settle()
    expect(net.ids()).toEqual([first[2]!.id, first[3]!.id, later.id])
    expect(net.sent[0]!.body.dropped).toBe(2)
  })
})

describe('consent', () => {
  it('without consent stores and sends nothing; granting stores and sends what waited', async () => {
    const { pipeline, kv, net } = make({ consent: false })
    const events = [ev(), ev()]
    for (const e of events) pipeline.enqueue(e)
    await settle(60_000)
    await pipeline.flush()
    await settle()
    expect(kv.calls).toEqual([])
    expect(net.sent).toHaveLength(0)
    expect(pipeline.stats().queued).toBe(2)
    pipeline.setConsent(true)
    await settle()
    expect(net.ids()).toEqual(events.map((e) => e.id))
    expect(kv.map.size).toBe(0)
  })

  it('granted with nothing queued yet: the events tracked afterwards are still stored and sent', async () => {
    // Found while splitting the pipeline: persist() with nothing to write left its writer set
    // for good, so no later event was ever stored, and none sent (only stashed at pagehide).
    const { pipeline, kv, net } = make({ consent: false })
    pipeline.setConsent(true)
    await settle()
    const events = [ev(), ev()]
    for (const e of events) pipeline.enqueue(e)
    await settle(5000)
    expect(net.ids()).toEqual(events.map((e) => e.id))
    expect(kv.map.size).toBe(0)
    expect(pipeline.stats()).toMatchObject({ stored: 2, acknowledged: 2 })
  })

  it('revoking consent stops storing and sending', async () => {
    const { pipeline, kv, net } = make()
    await settle()
    pipeline.setConsent(false)
    kv.calls.length = 0
    pipeline.enqueue(ev())
    await settle(60_000)
    await pipeline.flush()
    await settle()
    expect(kv.calls).toEqual([])
    expect(net.sent).toHaveLength(0)
  })

  it('forget() empties the store and memory: nothing is sent afterwards', async () => {
    const { pipeline, kv, net } = make({}, ['network'])
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    pipeline.enqueue(ev())
    await settle()
    expect(kv.map.size).toBe(2)
    await pipeline.forget()
    expect(kv.map.size).toBe(0)
    expect(pipeline.stats().queued).toBe(0)
    await settle(600_000)
    expect(net.sent).toHaveLength(1)
  })

  it('forget() erases what came before the call, not after: an event enqueued while a write runs is kept and sent', async () => {
    // Every store operation takes a task, like IndexedDB: forget() comes while the first write runs.
    const kv = countingKv([], 5)
    const { pipeline, net } = make({ kv })
    await settle(100)
    const before = ev()
    pipeline.enqueue(before)
    await settle() // its write has started, not finished
    expect(kv.calls).toContain('setMany')
    const forgotten = pipeline.forget()
    const after = ev()
    pipeline.enqueue(after)
    await settle(50)
    await forgotten
    expect([...kv.map.keys()]).toEqual([after.id])
    await settle(10_000)
    expect(net.ids()).toEqual([after.id])
  })
})
