import { describe, expect, it } from 'vitest'
import { ev, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

describe('batching', () => {
  it('cuts batches by count and deletes each event after its 2xx', async () => {
    const { pipeline, kv, net } = make({ maxBatchEvents: 50 })
    const events = Array.from({ length: 120 }, () => ev())
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle()
    expect(net.sent.map((s) => s.body.events.length)).toEqual([50, 50, 20])
    expect(net.ids()).toEqual(events.map((e) => e.id))
    expect(net.sent[0]!.init).toMatchObject({ method: 'POST', keepalive: true })
    expect((net.sent[0]!.init.headers as Record<string, string>)['content-type']).toBe('application/json')
    expect(net.sent[0]!.body).toMatchObject({ site: 'demo', sentAt: '2026-11-25T12:00:00.000Z' })
    expect(net.sent[0]!.body.dropped).toBeUndefined()
    expect(kv.map.size).toBe(0)
    expect(pipeline.stats()).toMatchObject({
      queued: 0,
      sent: 120,
      acknowledged: 120,
      dropped: 0,
      requests: 3,
    })
  })

  it('cuts batches by bytes, each body under 64 KiB', async () => {
    const { pipeline, net } = make({ maxBatchEvents: 50 })
    for (let i = 0; i < 30; i++) pipeline.enqueue(ev(9000))
    await settle()
    await pipeline.flush()
    await settle()
    const sizes = net.sent.map((s) => new Blob([String(s.init.body)]).size)
    expect(net.ids()).toHaveLength(30)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(60 * 1024)
    expect(net.sent.length).toBe(Math.ceil(30 / 6))
  })

  it('drops an event over 32 KiB with a debug code and reports it in the next batch', async () => {
    const { pipeline, net, debug } = make()
    pipeline.enqueue(ev(40_000))
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    expect(debug).toContainEqual(['big', 1])
    expect(net.sent).toHaveLength(1)
    expect(net.sent[0]!.body).toMatchObject({ dropped: 1 })
    expect(net.sent[0]!.body.events).toHaveLength(1)
    expect(pipeline.stats().dropped).toBe(1)
  })

  it('coalesces a burst within one task into one store transaction', async () => {
    const { pipeline, kv } = make({ consent: true })
    await settle()
    kv.calls.length = 0
    for (let i = 0; i < 40; i++) pipeline.enqueue(ev())
    await Promise.resolve()
    await settle()
    expect(kv.calls.filter((c) => c === 'setMany')).toHaveLength(1)
    expect(kv.map.size).toBe(40)
  })

  it('folds events that arrive while a write is running into the next single write', async () => {
    const { countingKv } = await import('./helpers')
    const { pipeline, kv } = make({ kv: countingKv([], 5) })
    await settle(100)
    kv.calls.length = 0
    pipeline.enqueue(ev())
    await Promise.resolve() // first write starts
    for (let i = 0; i < 5; i++) {
      pipeline.enqueue(ev())
      await Promise.resolve() // separate tasks' microtasks, while the first write is pending
    }
    await settle(20)
    expect(kv.calls.filter((c) => c === 'setMany')).toHaveLength(2)
    expect(kv.map.size).toBe(6)
  })

  it('writes every event to the store before sending it', async () => {
    const { pipeline, kv, net } = make()
    const e = ev()
    let storedAtSend = false
    const original = net.fetch
    const spy: typeof fetch = (url, init) => {
      storedAtSend = kv.map.has(e.id)
      return original(url, init)
    }
    Object.assign(net, { fetch: spy })
    const { pipeline: p2 } = make({ kv, fetch: spy })
    pipeline.dispose()
    p2.enqueue(e)
    await settle()
    await p2.flush()
    await settle()
    expect(net.ids()).toEqual([e.id])
    expect(storedAtSend).toBe(true)
    expect(kv.map.size).toBe(0)
  })

  it('flushes on its own: on the interval, and at once when a full batch is queued', async () => {
    const { pipeline, net } = make({ flushIntervalMs: 5000, maxBatchEvents: 10 })
    await settle()
    pipeline.enqueue(ev())
    await settle(4000)
    expect(net.sent).toHaveLength(0)
    await settle(1000)
    expect(net.sent).toHaveLength(1)
    for (let i = 0; i < 10; i++) pipeline.enqueue(ev())
    await settle()
    expect(net.sent).toHaveLength(2)
    expect(net.sent[1]!.body.events).toHaveLength(10)
  })

  it('sends events left in the store by an earlier visit on startup', async () => {
    const old = [ev(), ev()]
    const { countingKv } = await import('./helpers')
    const kv = countingKv(old.map((e) => [e.id, e]))
    const { net } = make({ kv })
    await settle()
    expect(net.ids()).toEqual(old.map((e) => e.id))
    expect(kv.map.size).toBe(0)
  })

  it('uses the encoder seam for the body, url and headers', async () => {
    const { pipeline, net } = make({
      encode: (events, ctx) => ({
        url: 'https://other.test/batch',
        body: JSON.stringify({ site: ctx.site, sentAt: ctx.sentAt, events, fmt: 'x' }),
        headers: { authorization: 'Basic abc' },
      }),
    })
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    expect(net.sent[0]!.url).toBe('https://other.test/batch')
    expect(net.sent[0]!.body).toMatchObject({ fmt: 'x' })
    expect(net.sent[0]!.init.headers).toMatchObject({
      authorization: 'Basic abc',
      'content-type': 'application/json',
    })
  })

  it('runs a flush asked for during a send cycle right after that cycle', async () => {
    const { fakeFetch } = await import('./helpers')
    const net = fakeFetch()
    const slow: typeof fetch = (url, init) =>
      new Promise((done) => setTimeout(() => done(net.fetch(url, init)), 1000))
    const { pipeline } = make({ fetch: slow, flushIntervalMs: 600_000 })
    await settle()
    pipeline.enqueue(ev())
    await settle()
    const first = pipeline.flush()
    await settle(10)
    const late = ev()
    pipeline.enqueue(late)
    await settle()
    await pipeline.flush() // a cycle is running: this one is queued behind it
    await settle(5000)
    await first
    expect(net.sent).toHaveLength(2)
    expect(net.sent[1]!.body.events.map((e) => e.id)).toEqual([late.id])
  })
})

describe('events queued by the service worker', () => {
  it("travel under the page's site when they were stored without one", async () => {
    const { pipeline, kv, net } = make()
    // linger-sw.js writes a push.clicked record straight into the shared queue store.
    const click = { ...ev(), site: '', type: 'push.clicked' }
    kv.map.set(click.id, click)
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    const sent = net.sent.flatMap((s) => s.body.events)
    expect(sent.find((e) => e.type === 'push.clicked')).toMatchObject({ id: click.id, site: 'demo' })
    // Events that name their site keep it.
    expect(sent.filter((e) => e.type !== 'push.clicked').map((e) => e.site)).toEqual(['s'])
  })
})

describe('corrupt records in the shared queue', () => {
  it('are deleted and counted, never sent, and never block the events behind them', async () => {
    const { pipeline, kv, net, debug } = make()
    const good = ev()
    kv.map.set('a-null', null)
    kv.map.set('b-string', 'not an event')
    kv.map.set('c-empty', {})
    kv.map.set('d-partial', { id: 'd-partial', type: 'x' })
    kv.map.set(good.id, good)
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    const sent = net.sent.flatMap((s) => s.body.events)
    expect(sent.map((e) => e.id)).toContain(good.id)
    expect(sent).toHaveLength(2)
    expect(debug).toContainEqual(['corrupt', 4])
    expect([...kv.map.keys()].filter((k) => String(k).includes('-'))).toEqual([])
    expect(net.sent[0]!.body.dropped).toBe(4)
  })
})
