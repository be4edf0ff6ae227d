import { describe, expect, it } from 'vitest'
import { MAX_BACKOFF_MS, retryDelay } from '../../src/wire/retryDelay'
import { ev, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

describe('retryDelay', () => {
  it('is full jitter: random × min(5 min, 1 s × 2^attempt)', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt)
      expect(retryDelay(attempt, () => 0, 0)).toBe(0)
      expect(retryDelay(attempt, () => 0.5, 0)).toBe(ceiling / 2)
      expect(retryDelay(attempt, () => 0.999999, 0)).toBeLessThan(ceiling)
    }
    expect(retryDelay(20, () => 0.999999, 0)).toBeLessThan(300_000)
    expect(retryDelay(20, () => 0.999999, 0)).toBeGreaterThan(299_000)
  })

  it('follows Retry-After in seconds or as an HTTP date, else falls back to jitter', () => {
    const now = Date.parse('2026-11-25T12:00:00Z')
    expect(retryDelay(5, () => 1, now, '2')).toBe(2000)
    expect(retryDelay(5, () => 1, now, 'Wed, 25 Nov 2026 12:00:30 GMT')).toBe(30_000)
    expect(retryDelay(5, () => 1, now, 'Wed, 25 Nov 2026 11:00:00 GMT')).toBe(0)
    expect(retryDelay(1, () => 1, now, 'soon')).toBe(2000)
  })
})

describe('retries', () => {
  it('retries 5xx, 408, 429 and network errors on the backoff schedule, then delivers once', async () => {
    const { pipeline, net, kv } = make({ random: () => 0.5 }, [500, 503, 'network', 408, 429, 502])
    const e = ev()
    pipeline.enqueue(e)
    await settle()
    const start = Date.now()
    await pipeline.flush()
    await settle(600_000)
    const gaps = net.sent.slice(1).map((s, i) => s.at - net.sent[i]!.at)
    expect(net.sent.map((s) => s.at - start)[0]).toBe(0)
    // 0.5 × 1 s·2ⁿ for n = 0…5
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 16000])
    expect(net.ids()).toEqual(Array(7).fill(e.id))
    expect(kv.map.size).toBe(0)
    expect(pipeline.stats()).toMatchObject({ sent: 7, acknowledged: 1, requests: 7, queued: 0 })
  })

  it('keeps every jittered wait within [0, min(5 min, 1 s·2ⁿ)) and never sends early', async () => {
    let seed = 7
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return (seed - 1) / 2147483646
    }
    const { pipeline, net } = make({ random }, Array(14).fill(500))
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(3_000_000)
    expect(net.sent).toHaveLength(15)
    net.sent.slice(1).forEach((s, i) => {
      const gap = s.at - net.sent[i]!.at
      expect(gap).toBeGreaterThanOrEqual(0)
      expect(gap).toBeLessThan(Math.min(300_000, 1000 * 2 ** i) + 1)
    })
  })

  it('honours Retry-After: nothing is sent before it expires', async () => {
    const { pipeline, net } = make({ random: () => 0 }, [{ status: 429, headers: { 'retry-after': '2' } }])
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(1999)
    await pipeline.flush() // an explicit flush inside the window does not jump the queue
    await settle()
    expect(net.sent).toHaveLength(1)
    await settle(1)
    expect(net.sent).toHaveLength(2)
    expect(net.sent[1]!.at - net.sent[0]!.at).toBe(2000)
  })

  it('drops a batch answered with another 4xx, reports it, and never retries it', async () => {
    const { pipeline, net, kv, debug } = make({}, [400])
    pipeline.enqueue(ev())
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(3_600_000)
    expect(net.sent).toHaveLength(1)
    expect(kv.map.size).toBe(0)
    expect(debug).toContainEqual(['reject', 400])
    expect(pipeline.stats()).toMatchObject({
      queued: 0,
      sent: 2,
      acknowledged: 0,
      dropped: 2,
      droppedBy: { drop: 2 },
    })
    // The endpoint saw them, so they are not reported back as device drops.
    const next = ev()
    pipeline.enqueue(next)
    await settle()
    await pipeline.flush()
    await settle()
    expect(net.sent[1]!.body).toEqual(expect.not.objectContaining({ dropped: expect.anything() }))
  })

  it('halves the batch on 413 until the endpoint accepts it', async () => {
    const { pipeline, net, kv } = make({ maxBatchEvents: 40 }, [], (body) =>
      body.events.length > 10 ? 413 : 200,
    )
    const events = Array.from({ length: 40 }, () => ev())
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle()
    expect(net.sent.map((s) => s.body.events.length)).toEqual([40, 20, 10, 10, 10, 10])
    expect(new Set(net.ids()).size).toBe(40)
    expect(kv.map.size).toBe(0)
  })

  it('drops a single event the endpoint calls too large', async () => {
    const { pipeline, net, kv } = make({}, [413])
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle(60_000)
    expect(net.sent).toHaveLength(1)
    expect(kv.map.size).toBe(0)
    expect(pipeline.stats().dropped).toBe(1)
  })

  it('waits for the online event while the browser is offline', async () => {
    const { pipeline, net, win } = make({ random: () => 1 }, ['network'])
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    ;(win.navigator as { onLine: boolean }).onLine = false
    await settle(100_000)
    expect(net.sent).toHaveLength(1)
    ;(win.navigator as { onLine: boolean }).onLine = true
    win.dispatchEvent(new Event('online'))
    await settle()
    expect(net.sent).toHaveLength(2)
    expect(pipeline.stats().queued).toBe(0)
  })
})
