import { afterEach, describe, expect, it, vi } from 'vitest'
import { boot, config, fakeDevice, popup, tracker } from './fakes'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const { track, stopAll } = tracker()

afterEach(() => {
  stopAll()
  history.replaceState({}, '', '/')
})

describe('init', () => {
  it('emits page.viewed with the full envelope', async () => {
    history.replaceState({}, '', '/start?x=1')
    const { linger, pipe } = track(boot(config([])))
    await linger.ready
    expect(pipe.events).toHaveLength(1)
    const e = pipe.events[0]!
    expect(e).toMatchObject({
      type: 'page.viewed',
      site: 'test-site',
      url: 'http://localhost:3000/start?x=1',
    })
    expect(e.id).toMatch(UUID)
    expect(e.visitorId).toMatch(UUID)
    expect(e.sessionId).toMatch(UUID)
    expect(new Date(e.ts).toISOString()).toBe(e.ts)
    expect(e).not.toHaveProperty('userId')
    expect(e).not.toHaveProperty('campaignId')
    expect(pipe.options).toMatchObject({
      site: 'test-site',
      endpoint: 'https://collect.test/v1/batch',
      consent: true,
    })
  })

  it('runs without any config: events still flow to an endpoint given in the options', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { linger, pipe } = track(boot(undefined, { options: { endpoint: '/collect' } }))
    linger.track('hello')
    await linger.ready
    expect(pipe.types()).toEqual(['page.viewed', 'hello'])
    expect(pipe.options.endpoint).toBe('/collect')
    expect(warn).not.toHaveBeenCalled()
  })

  it('reports config issues as "linger: <path>: <message>" and still runs the valid campaigns', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const issues: string[] = []
    const bad = { id: 'bad', kind: 'popup', trigger: { type: 'time' }, content: {} }
    const { linger, widgets } = track(
      boot(config([bad as never, popup('good')]), { options: { onIssue: (i) => issues.push(i.path) } }),
    )
    await linger.ready
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['good']))
    expect(issues.some((p) => p.startsWith('campaigns[0]'))).toBe(true)
    expect(warn.mock.calls.some(([m]) => /^linger: campaigns\[0\][^:]*: .+/.test(String(m)))).toBe(true)
  })

  it('a third-party format: batches wait until its encoder chunk loads, then the queue flushes', async () => {
    let loaded!: (f: (o: { endpoint?: string; writeKey?: string }) => unknown) => void
    const loadFormat = vi.fn(() => new Promise((r) => (loaded = r as never)))
    const { linger, pipe } = track(
      boot(config([], { format: 'segment', writeKey: 'wk-1', endpoint: 'https://api.segment.test' }), {
        options: { loadFormat: loadFormat as never },
      }),
    )
    await linger.ready
    const ctx = { site: 'test-site', sentAt: '2026-01-01T00:00:00.000Z', dropped: 0 }
    expect(loadFormat).toHaveBeenCalledWith('segment')
    expect(pipe.options.encode!(pipe.events, ctx)).toEqual({ url: '', body: '' })
    expect(pipe.calls).not.toContain('flush')
    loaded((o) => (events: unknown[]) => ({
      url: `${o.endpoint}/v1/batch`,
      body: `${o.writeKey}:${events.length}`,
    }))
    await vi.waitFor(() => expect(pipe.calls).toContain('flush'))
    expect(pipe.options.encode!(pipe.events, ctx)).toEqual({
      url: 'https://api.segment.test/v1/batch',
      body: 'wk-1:1',
    })
  })

  it('the default format uses the pipeline encoder and loads nothing', async () => {
    const loadFormat = vi.fn()
    const { linger, pipe } = track(boot(config([]), { options: { loadFormat } }))
    await linger.ready
    expect(loadFormat).not.toHaveBeenCalled()
    expect(pipe.options.encode).toBeUndefined()
  })

  it('keeps events made before ready in order, with identity filled in', async () => {
    const { linger, pipe } = track(boot(config([])))
    linger.track('first', { a: 1 })
    linger.track('second')
    expect(pipe.events).toHaveLength(0)
    await linger.ready
    expect(pipe.types()).toEqual(['page.viewed', 'first', 'second'])
    expect(pipe.events[1]!.props).toEqual({ a: 1 })
    expect(new Set(pipe.events.map((e) => e.visitorId)).size).toBe(1)
  })

  it('keeps the visitor across reloads and counts the visit', async () => {
    const device = fakeDevice()
    const a = track(boot(config([]), { device }))
    await a.linger.ready
    a.linger.dispose()
    const b = track(boot(config([]), { device }))
    await b.linger.ready
    expect(b.pipe.events[0]!.visitorId).toBe(a.pipe.events[0]!.visitorId)
    expect(b.pipe.events[0]!.sessionId).toBe(a.pipe.events[0]!.sessionId)
  })
})

describe('commands', () => {
  it('on() delivers every event to local listeners; the returned function unsubscribes', async () => {
    const { linger } = track(boot(config([])))
    const all: string[] = []
    const only: string[] = []
    linger.on('*', (e) => all.push(e.type))
    const off = linger.on('signup', (e) => only.push(e.type))
    linger.track('signup')
    await linger.ready
    off()
    linger.track('signup')
    linger.on('boom', () => {
      throw new Error('site code bug')
    })
    linger.track('boom')
    expect(all).toEqual(['page.viewed', 'signup', 'signup', 'boom'])
    expect(only).toEqual(['signup'])
  })

  it('track() with props that are no object sends {}: the collector refuses such an event, and with it its whole batch', async () => {
    const { linger, pipe } = track(boot(config([])))
    await linger.ready
    for (const props of [null, [1, 2], 'text', 7]) linger.track('odd', props as never)
    linger.track('fine', { n: 1 })
    expect(pipe.events.slice(1).map((e) => e.props)).toEqual([{}, {}, {}, {}, { n: 1 }])
  })

  it('identify() emits identify with traits, stamps userId on later events, and persists it', async () => {
    const device = fakeDevice()
    const a = track(boot(config([]), { device }))
    await a.linger.ready
    a.linger.identify('u-42', { plan: 'pro' })
    a.linger.track('after')
    expect(a.pipe.events.slice(1)).toMatchObject([
      { type: 'identify', userId: 'u-42', props: { traits: { plan: 'pro' } } },
      { type: 'after', userId: 'u-42' },
    ])
    // The next page loads a task later at the soonest, after the user's write (the memory stores
    // here read in the very call).
    await new Promise((done) => setTimeout(done, 0))
    a.linger.dispose()
    const b = track(boot(config([]), { device }))
    await b.linger.ready
    expect(b.pipe.events[0]).toMatchObject({ type: 'page.viewed', userId: 'u-42' })
  })

  it('stamps each event with the user in effect when it was made, even before ready', async () => {
    const device = fakeDevice()
    const a = track(boot(config([]), { device }))
    a.linger.track('before')
    a.linger.identify('u-1')
    a.linger.track('after')
    await a.linger.ready
    expect(a.pipe.events.map((e) => [e.type, e.userId])).toEqual([
      ['page.viewed', undefined],
      ['before', undefined],
      ['identify', 'u-1'],
      ['after', 'u-1'],
    ])
    a.linger.dispose()
    // Next page: the stored user applies until another identify().
    const b = track(boot(config([]), { device }))
    b.linger.track('early')
    b.linger.identify('u-2')
    await b.linger.ready
    expect(b.pipe.events.map((e) => [e.type, e.userId])).toEqual([
      ['page.viewed', 'u-1'],
      ['early', 'u-1'],
      ['identify', 'u-2'],
    ])
  })

  it('cart() and purchase() reach the cart and emit cart.updated and purchase', async () => {
    const { linger, pipe } = track(boot(config([])))
    await linger.ready
    linger.cart({ items: [{ id: 'sku', price: 10, quantity: 2 }], value: 20, currency: 'EUR' })
    await vi.waitFor(() => expect(pipe.types()).toContain('cart.updated'), { timeout: 3000 })
    linger.purchase({ orderId: 'o-1', value: 20, currency: 'EUR' })
    await vi.waitFor(() => expect(pipe.types()).toContain('purchase'))
    expect(pipe.events.find((e) => e.type === 'purchase')!.props).toMatchObject({ orderId: 'o-1', value: 20 })
  })

  it('consent "required": nothing is stored until consent(true), then state moves to the device', async () => {
    const device = fakeDevice()
    const { linger, pipe } = track(boot(config([popup('p')], { consent: 'required' }), { device }))
    await linger.ready
    await vi.waitFor(() => expect(pipe.types()).toContain('campaign.shown'))
    expect(pipe.options.consent).toBe(false)
    expect(device.opened).toEqual([])
    linger.consent(true)
    await vi.waitFor(() => expect(pipe.calls).toContain('consent true'))
    await vi.waitFor(async () => {
      expect(await device.stores.get('linger/identity')?.get('identity')).toMatchObject({
        visitorId: pipe.events[0]!.visitorId,
      })
      expect(await device.stores.get('linger/state')?.get('c:p')).toMatchObject({ s: 1, t: 1 })
    })
  })

  it('the consent option overrides the config', async () => {
    const device = fakeDevice()
    const { linger, pipe } = track(boot(config([]), { device, options: { consent: 'required' } }))
    await linger.ready
    expect(pipe.options.consent).toBe(false)
    expect(device.opened).toEqual([])
  })

  it('forget() clears the queue and every store, then continues with a fresh identity in memory', async () => {
    const device = fakeDevice()
    const { linger, pipe } = track(boot(config([]), { device }))
    await linger.ready
    linger.identify('u-1')
    const before = pipe.events[0]!.visitorId
    await linger.forget()
    expect(pipe.calls).toContain('forget')
    for (const [name, kv] of device.stores)
      if (name !== 'linger/queue') expect(await kv.entries(), name).toEqual([])
    linger.track('after')
    const after = pipe.events.at(-1)!
    expect(after.visitorId).not.toBe(before)
    expect(after).not.toHaveProperty('userId')
    // Nothing written to the device's stores after forget.
    for (const [name, kv] of device.stores)
      if (name !== 'linger/queue') expect(await kv.entries(), name).toEqual([])
  })

  it('debug(true) explains each campaign through the lazily loaded debug module', async () => {
    const logDecision = vi.fn()
    const loadDebug = vi.fn(async () => ({ logDecision, logPipeline: vi.fn() }))
    history.replaceState({}, '', '/blog')
    const c = popup('only-shop', { trigger: { type: 'manual' }, audience: { url: { include: ['/shop*'] } } })
    const { linger } = track(boot(config([c]), { options: { loadDebug } }))
    await linger.ready
    expect(loadDebug).not.toHaveBeenCalled()
    linger.debug(true)
    await vi.waitFor(() =>
      expect(logDecision).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'only-shop' }),
        { show: false, code: 'url-not-included' },
        'status',
      ),
    )
  })

  it('?linger_debug=1 turns debug on at init', async () => {
    const logDecision = vi.fn()
    history.replaceState({}, '', '/?linger_debug=1')
    const { linger } = track(
      boot(config([popup('p', { trigger: { type: 'manual' } })]), {
        options: { loadDebug: async () => ({ logDecision, logPipeline: vi.fn() }) },
      }),
    )
    await linger.ready
    await vi.waitFor(() =>
      expect(logDecision).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'p' }),
        { show: true, code: 'ok' },
        'init',
      ),
    )
  })

  it('dispose() stops triggers and the pipeline', async () => {
    const { linger, pipe, widgets } = track(
      boot(config([popup('e', { trigger: { type: 'event', name: 'go' } })])),
    )
    await linger.ready
    linger.dispose()
    linger.track('go')
    await new Promise((r) => setTimeout(r, 20))
    expect(widgets.mount).not.toHaveBeenCalled()
    expect(pipe.calls).toContain('dispose')
  })
})
