import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PushPort } from '../../src/push/types'
import type { Campaign } from '../../src/types'
import { boot, config, fakeDevice, fakeWidgets, popup, tracker } from './fakes'

const { track, stopAll } = tracker()
const pushCampaign = {
  id: 'push',
  kind: 'push',
  trigger: { type: 'pageview' },
  vapidPublicKey: 'BKey',
  content: { title: 't', allow: 'y', deny: 'n' },
} as Campaign
const tick = () => new Promise((r) => setTimeout(r, 20))

afterEach(() => {
  stopAll()
  history.replaceState({}, '', '/')
})

describe('showing campaigns', () => {
  it('mounts a pageview campaign, emits campaign.shown, and on close emits dismissed and records the cap', async () => {
    const device = fakeDevice()
    const c = popup('exit', { frequency: { afterDismissDays: 7 } })
    const a = track(boot(config([c]), { device }))
    await vi.waitFor(() => expect(a.widgets.live()).toHaveLength(1))
    const { host, campaign } = a.widgets.live()[0]!
    expect(campaign.id).toBe('exit')
    expect(a.pipe.events.at(-1)).toMatchObject({
      type: 'campaign.shown',
      campaignId: 'exit',
      // The kind lets the collector's report read each campaign by its own outcome.
      props: { trigger: 'pageview', kind: 'popup' },
    })
    host.track('lead.captured', { email: 'a@b.test' })
    host.close('dismissed')
    host.close('dismissed')
    expect(a.pipe.events.slice(-2)).toMatchObject([
      { type: 'lead.captured', campaignId: 'exit', props: { email: 'a@b.test' } },
      { type: 'campaign.dismissed', campaignId: 'exit' },
    ])
    a.linger.dispose()
    await tick()
    // A reload: the dismissal cap (7 days) holds.
    const b = track(boot(config([c]), { device }))
    await b.linger.ready
    await tick()
    expect(b.widgets.mount).not.toHaveBeenCalled()
  })

  it('"completed" (a finished survey) emits no dismissal and caps like a conversion', async () => {
    const c = {
      id: 'nps',
      kind: 'nps',
      trigger: { type: 'pageview' },
      question: 'Q',
      frequency: { afterConvertDays: 90 },
    }
    const { widgets, pipe } = track(boot(config([c as never])))
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    widgets.live()[0]!.host.close('completed')
    expect(pipe.types()).not.toContain('campaign.dismissed')
    expect(pipe.types()).not.toContain('campaign.converted')
  })

  it('shows one widget at a time: the highest priority wins among campaigns that fire together', async () => {
    const { widgets, linger } = track(
      boot(config([popup('low', { priority: 1 }), popup('high', { priority: 5 }), popup('mid')])),
    )
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    await tick()
    expect(widgets.mounted.map((m) => m.campaign.id)).toEqual(['high'])
    linger.show('mid')
    await tick()
    expect(widgets.mounted).toHaveLength(1)
  })

  it('limits.perSession and limits.gapSeconds hold across campaigns', async () => {
    const campaigns = [
      popup('a', { trigger: { type: 'event', name: 'a' } }),
      popup('b', { trigger: { type: 'event', name: 'b' } }),
    ]
    const { widgets, linger } = track(boot(config(campaigns, { limits: { gapSeconds: 60 } })))
    await linger.ready
    linger.track('a')
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    widgets.live()[0]!.host.close('dismissed')
    linger.track('b')
    await tick()
    expect(widgets.mounted).toHaveLength(1)
  })

  it('holds out a visitor: campaign.held-out, no widget, and the cart hears about it', async () => {
    const c = popup('h', { holdout: 100, variants: [{ id: 'v1', weight: 1 }] })
    const { widgets, pipe } = track(boot(config([c])))
    await vi.waitFor(() => expect(pipe.types()).toContain('campaign.held-out'))
    await tick()
    expect(widgets.mount).not.toHaveBeenCalled()
    expect(pipe.events.find((e) => e.type === 'campaign.held-out')).toMatchObject({
      campaignId: 'h',
      variant: 'v1',
      props: { kind: 'popup' },
    })
    expect(pipe.types().filter((t) => t === 'campaign.held-out')).toHaveLength(1)
  })

  it('merges the sticky variant into the campaign and stamps events with it', async () => {
    const c = popup('v', { variants: [{ id: 'only', weight: 1, content: { title: 'Variant title' } }] })
    const { widgets, pipe } = track(boot(config([c])))
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    const m = widgets.live()[0]!
    expect(m.variant).toBe('only')
    expect((m.campaign as { content: { title: string } }).content.title).toBe('Variant title')
    expect(pipe.events.at(-1)).toMatchObject({ type: 'campaign.shown', variant: 'only' })
  })

  it('show() ignores targeting; hide() removes the widget without events; host.show opens another', async () => {
    history.replaceState({}, '', '/elsewhere')
    const a = popup('a', { trigger: { type: 'manual' }, audience: { url: { include: ['/never'] } } })
    const b = popup('b', { trigger: { type: 'manual' } })
    const { widgets, linger, pipe } = track(boot(config([a, b])))
    linger.show('a')
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['a']))
    const count = pipe.events.length
    linger.hide()
    expect(widgets.live()).toEqual([])
    expect(pipe.events).toHaveLength(count)
    linger.show('a')
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    widgets.live()[0]!.host.show('b')
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['b']))
  })

  it('?linger_preview shows a campaign at once, ignoring targeting and caps, and records no cap', async () => {
    const device = fakeDevice()
    history.replaceState({}, '', '/?linger_preview=p')
    const c = popup('p', {
      trigger: { type: 'manual' },
      audience: { device: ['tablet'] },
      frequency: { total: 1 },
    })
    const a = track(boot(config([c]), { device }))
    await vi.waitFor(() => expect(a.widgets.live()).toHaveLength(1))
    expect(a.pipe.events.at(-1)).toMatchObject({ type: 'campaign.shown', props: { preview: true } })
    a.widgets.live()[0]!.host.close('dismissed')
    const stored = (await device.stores.get('linger/state')!.get('c:p')) as { t: number } | undefined
    expect(stored?.t ?? 0).toBe(0)
  })

  it('arms triggers by type: event, then a click selector', async () => {
    document.body.innerHTML = '<button id="buy">Buy</button>'
    const { widgets, linger } = track(
      boot(
        config([
          popup('ev', { trigger: { type: 'event', name: 'signup' } }),
          popup('cl', { trigger: { type: 'click', selector: '#buy' } }),
        ]),
      ),
    )
    await linger.ready
    linger.track('other')
    await tick()
    expect(widgets.mount).not.toHaveBeenCalled()
    linger.track('signup')
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['ev']))
    widgets.live()[0]!.host.close('converted')
    document.getElementById('buy')!.click()
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['cl']))
  })

  it("NPS → action: a detractor's answer, remembered on the device, opens the save offer on the next page; a promoter's does not", async () => {
    const nps = { id: 'nps', kind: 'nps', trigger: { type: 'pageview' }, question: 'Q?' } as Campaign
    const save = popup('save', {
      trigger: { type: 'event', name: 'cart.viewed' },
      audience: { survey: { nps: ['detractor'] } },
    })
    for (const [score, shows] of [
      [3, ['save']],
      [10, []],
    ] as const) {
      const device = fakeDevice()
      const first = track(boot(config([nps, save]), { device }))
      await first.linger.ready
      await vi.waitFor(() => expect(first.widgets.live().map((m) => m.campaign.id)).toEqual(['nps']))
      first.widgets.live()[0]!.host.track('survey.answered', { survey: 'nps', score, scale: 10 })
      first.widgets.live()[0]!.host.close('completed')
      first.linger.dispose()
      await tick()
      // The next page, same device: the NPS was shown this session, the offer may follow.
      const next = track(boot(config([nps, save]), { device }))
      await next.linger.ready
      next.linger.track('cart.viewed')
      await tick()
      await tick()
      expect(next.widgets.mounted.map((m) => m.campaign.id)).toEqual(shows)
    }
  })

  it('a track() made before ready still fires an event trigger (the script tag replays queued calls early)', async () => {
    const { widgets, linger } = track(
      boot(config([popup('ev', { trigger: { type: 'event', name: 'signup' } })])),
    )
    linger.track('signup')
    await vi.waitFor(() => expect(widgets.live().map((m) => m.campaign.id)).toEqual(['ev']))
  })

  it('counts page views in the session for the pageviews trigger', async () => {
    const device = fakeDevice()
    const c = popup('third', { trigger: { type: 'pageviews', count: 3 } })
    for (let i = 1; i <= 3; i++) {
      const b = track(boot(config([c]), { device }))
      await b.linger.ready
      await tick()
      expect(b.widgets.mount.mock.calls.length, `page ${i}`).toBe(i === 3 ? 1 : 0)
      b.linger.dispose()
    }
  })

  it('re-evaluates URL rules on an SPA route change and emits page.viewed', async () => {
    history.replaceState({}, '', '/')
    const c = popup('pricing', { audience: { url: { include: ['/pricing'] } } })
    const { widgets, linger, pipe } = track(boot(config([c])))
    await linger.ready
    await tick()
    expect(widgets.mount).not.toHaveBeenCalled()
    history.pushState({}, '', '/pricing')
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    expect(pipe.events.filter((e) => e.type === 'page.viewed').map((e) => e.url)).toEqual([
      'http://localhost:3000/',
      'http://localhost:3000/pricing',
    ])
  })

  it('cart-abandon "return": a later visit long after the cart changed shows it, once the cart qualifies', async () => {
    const device = fakeDevice()
    const c = popup('rescue', {
      trigger: { type: 'cart-abandon', on: ['return'], returnAfterMinutes: 60, minValue: 20 },
    })
    const a = track(boot(config([c]), { device }))
    await a.linger.ready
    a.linger.cart({ items: [{ id: 's', price: 30, quantity: 1 }], value: 30, currency: 'EUR' })
    await vi.waitFor(() => expect(a.pipe.types()).toContain('cart.updated'), { timeout: 3000 })
    a.linger.dispose()
    // Two hours later: a new session.
    const now = Date.now()
    vi.spyOn(Date, 'now').mockReturnValue(now + 2 * 3600_000)
    const b = track(boot(config([c]), { device }))
    await vi.waitFor(() => expect(b.widgets.live().map((m) => m.campaign.id)).toEqual(['rescue']))
  })

  it('push: an unsupported browser never sees the prompt and reports push.unsupported', async () => {
    const port: PushPort = {
      support: () => 'unsupported',
      permission: () => 'default',
      request: async () => 'default',
      subscribe: () => Promise.reject(new Error('no')),
      current: async () => null,
    }
    const { widgets, pipe } = track(boot(config([pushCampaign]), { pushPort: port }))
    await vi.waitFor(() => expect(pipe.types()).toContain('push.unsupported'))
    await tick()
    expect(widgets.mount).not.toHaveBeenCalled()
    expect(pipe.events.find((e) => e.type === 'push.unsupported')).toMatchObject({ campaignId: 'push' })
  })

  it('push: the prompt emits push.prompted, requestPush subscribes, "Not now" starts the cooldown', async () => {
    let permission: NotificationPermission = 'default'
    const port: PushPort = {
      support: () => 'supported',
      permission: () => permission,
      request: async () => (permission = 'granted'),
      subscribe: async () => ({ toJSON: () => ({ endpoint: 'https://push.test/e' }) }),
      current: async () => null,
    }
    const { widgets, pipe } = track(boot(config([pushCampaign]), { pushPort: port }))
    await vi.waitFor(() => expect(widgets.live()).toHaveLength(1))
    expect(pipe.types().slice(-2)).toEqual(['campaign.shown', 'push.prompted'])
    widgets.live()[0]!.host.close('dismissed')
    await vi.waitFor(() => expect(pipe.types()).toContain('push.dismissed'))
    expect(await widgets.mounted[0]!.host.requestPush!()).toBe('subscribed')
    expect(pipe.events.at(-1)).toMatchObject({
      type: 'push.subscribed',
      campaignId: 'push',
      props: { subscription: { endpoint: 'https://push.test/e' } },
    })
  })

  it('push: without loadPush (or when it fails) the prompt never shows and nothing breaks', async () => {
    const port: PushPort = {
      support: () => 'supported',
      permission: () => 'default',
      request: async () => 'granted',
      subscribe: async () => ({ toJSON: () => ({ endpoint: 'https://push.test/e' }) }),
      current: async () => null,
    }
    for (const loadPush of [undefined, () => Promise.reject(new Error('offline'))]) {
      const { linger, widgets, pipe } = track(
        boot(config([pushCampaign]), { pushPort: port, options: { loadPush } }),
      )
      await linger.ready
      await tick()
      expect(widgets.mount).not.toHaveBeenCalled()
      expect(pipe.types()).toEqual(['page.viewed'])
    }
  })

  // Issue 23: nothing of push runs on a page where no prompt shows; the resync waits for idle.
  const waitingPush = { ...pushCampaign, trigger: { type: 'manual' } } as Campaign
  const portWith = (permission: NotificationPermission): PushPort => ({
    support: () => 'supported',
    permission: vi.fn(() => permission),
    request: async () => permission,
    subscribe: () => Promise.reject(new Error('no')),
    current: async () => ({ toJSON: () => ({ endpoint: 'https://push.test/renewed' }) }),
  })

  it('push: a visitor who never granted notifications never loads the push module', async () => {
    const port = portWith('default')
    const loadPush = vi.fn(() => import('../../src/push/pushFlow').then((m) => m.pushFlow))
    const { linger, pipe } = track(boot(config([waitingPush]), { pushPort: port, options: { loadPush } }))
    await linger.ready
    // The idle-time check asks the permission; only "granted" can have a subscription to resync.
    await vi.waitFor(() => expect(port.permission).toHaveBeenCalled())
    await tick()
    expect(loadPush).not.toHaveBeenCalled()
    expect(pipe.types()).toEqual(['page.viewed'])
  })

  it('push: with notifications granted, the resync loads the push module and re-sends a changed subscription', async () => {
    const port = portWith('granted')
    const { pipe } = track(boot(config([waitingPush]), { pushPort: port }))
    await vi.waitFor(() => expect(pipe.types()).toContain('push.subscribed'))
    expect(pipe.events.find((e) => e.type === 'push.subscribed')).toMatchObject({
      campaignId: 'push',
      props: { subscription: { endpoint: 'https://push.test/renewed' }, resync: true },
    })
  })

  it('a survey flow loads the survey chunk (once), not the widgets chunk; without it no survey shows', async () => {
    const survey = {
      id: 'flow',
      kind: 'survey',
      trigger: { type: 'pageview' },
      questions: [{ id: 'q', type: 'ces', question: 'Easy?' }],
    } as unknown as Campaign
    const flow = fakeWidgets()
    const prefetchWidgets = vi.fn()
    const { linger, widgets, pipe } = track(
      boot(config([survey]), { options: { loadSurvey: flow.load, prefetchWidgets } }),
    )
    await linger.ready
    await vi.waitFor(() => expect(flow.mounted).toHaveLength(1))
    expect(flow.mounted[0]!.campaign.id).toBe('flow')
    expect(widgets.load).not.toHaveBeenCalled()
    expect(prefetchWidgets.mock.calls).toEqual([['survey']])
    expect(pipe.types()).toEqual(['page.viewed', 'campaign.shown'])
    flow.live()[0]!.host.close('completed')
    linger.show('flow')
    await vi.waitFor(() => expect(flow.mounted).toHaveLength(2))
    expect(flow.load).toHaveBeenCalledTimes(1)
    // Without the survey chunk a survey never shows, and nothing breaks.
    const bare = track(boot(config([survey])))
    await bare.linger.ready
    await tick()
    expect(bare.widgets.mount).not.toHaveBeenCalled()
    expect(bare.pipe.types()).toEqual(['page.viewed'])
  })

  it('without loadWidgets nothing shows and nothing breaks', async () => {
    const { linger, pipe } = track(boot(config([popup('p')]), { options: { loadWidgets: undefined } }))
    await linger.ready
    await tick()
    expect(pipe.types()).toEqual(['page.viewed'])
  })

  it('calls prefetchWidgets once when a campaign is eligible but waiting for its trigger', async () => {
    const prefetchWidgets = vi.fn()
    const { linger } = track(
      boot(
        config([
          popup('e', { trigger: { type: 'exit-intent' } }),
          popup('f', { trigger: { type: 'idle', seconds: 99 } }),
        ]),
        {
          options: { prefetchWidgets },
        },
      ),
    )
    await linger.ready
    await vi.waitFor(() => expect(prefetchWidgets).toHaveBeenCalledTimes(1))
    expect(prefetchWidgets).toHaveBeenCalledWith('popup')
  })

  it('prefetches once a campaign becomes eligible after an SPA route change, and only once', async () => {
    const prefetchWidgets = vi.fn()
    const c = popup('p', { trigger: { type: 'exit-intent' }, audience: { url: { include: ['/pricing*'] } } })
    const { linger } = track(boot(config([c]), { options: { prefetchWidgets } }))
    await linger.ready
    await tick()
    expect(prefetchWidgets).not.toHaveBeenCalled()
    history.pushState({}, '', '/pricing')
    await vi.waitFor(() => expect(prefetchWidgets).toHaveBeenCalledTimes(1))
    history.pushState({}, '', '/pricing/team')
    await tick()
    expect(prefetchWidgets).toHaveBeenCalledTimes(1)
  })
})
