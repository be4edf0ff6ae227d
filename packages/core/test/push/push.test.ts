import { describe, expect, it } from 'vitest'
import { dismissPush } from '../../src/push/dismissPush'
import type { PushDeps } from '../../src/push/pushDeps'
import { pushGate } from '../../src/push/pushGate'
import { pushSupport } from '../../src/push/pushSupport'
import { requestPush } from '../../src/push/requestPush'
import { resyncPush } from '../../src/push/resyncPush'
import type { PushPort, PushSupport } from '../../src/push/types'
import { unsubscribePush } from '../../src/push/unsubscribePush'
import type { PushCampaign } from '../../src/types'
import { memoryKv } from '../targeting/memoryKv'

const DAY = 864e5
const T0 = Date.parse('2026-03-02T12:00:00Z')
const campaign: PushCampaign = {
  id: 'push',
  kind: 'push',
  trigger: { type: 'manual' },
  vapidPublicKey: 'BKey',
  content: { title: 't', allow: 'y', deny: 'n' },
}
const sub = (endpoint: string) => ({ toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }) })

/** A scripted browser: its permission, what the dialog answers, and what subscribe does. */
function fakePort(o: {
  support?: PushSupport
  permission?: NotificationPermission
  answer?: NotificationPermission
  subscribe?: () => Promise<ReturnType<typeof sub>>
  current?: ReturnType<typeof sub> | null
}) {
  const calls: string[] = []
  let permission = o.permission ?? 'default'
  const port: PushPort = {
    support: () => o.support ?? 'supported',
    permission: () => permission,
    request: async () => {
      calls.push('request')
      permission = o.answer ?? 'granted'
      return permission
    },
    subscribe: (worker, scope, key) => {
      calls.push(`subscribe ${worker} ${scope} ${key}`)
      return o.subscribe ? o.subscribe() : Promise.resolve(sub('https://push.test/1'))
    },
    current: async () => o.current ?? null,
  }
  return { port, calls }
}

function deps(port: PushPort, over: Partial<PushDeps> = {}) {
  const events: Array<[string, Record<string, unknown> | undefined]> = []
  const kv = memoryKv()
  const d: PushDeps = { port, kv, emit: (t, p) => void events.push([t, p]), now: () => T0, ...over }
  return { d, events, kv }
}

describe('pushSupport', () => {
  const win = (o: {
    ua?: string
    standalone?: boolean
    push?: boolean
    permission?: string
    secure?: boolean
  }) =>
    ({
      navigator: {
        userAgent: o.ua ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130',
        maxTouchPoints: 0,
        standalone: o.standalone,
        ...(o.push === false ? {} : { serviceWorker: {} }),
      },
      isSecureContext: o.secure ?? true,
      matchMedia: () => ({ matches: o.standalone ?? false }),
      ...(o.push === false
        ? {}
        : { PushManager: class {}, Notification: { permission: o.permission ?? 'default' } }),
    }) as unknown as Window
  it('detects support, denial and missing APIs', () => {
    expect(pushSupport(win({}))).toBe('supported')
    expect(pushSupport(win({ permission: 'denied' }))).toBe('denied')
    expect(pushSupport(win({ push: false }))).toBe('unsupported')
    expect(pushSupport(win({ secure: false }))).toBe('unsupported')
  })
  it('asks iOS Safari tabs to install first, but not home-screen apps', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1'
    expect(pushSupport(win({ ua: iphone }))).toBe('ios-needs-install')
    expect(pushSupport(win({ ua: iphone, push: false }))).toBe('ios-needs-install')
    expect(pushSupport(win({ ua: iphone, standalone: true }))).toBe('supported')
  })
  it('does not trust happy-dom, which claims notifications are granted', () => {
    expect(pushSupport(window)).toBe('unsupported')
  })
})

describe('requestPush', () => {
  it('default → granted: asks, subscribes with the worker, scope and key, reports the subscription', async () => {
    const { port, calls } = fakePort({})
    const { d, events, kv } = deps(port)
    const c = { ...campaign, serviceWorker: '/sw.js', scope: '/app/' }
    expect(await requestPush(c, d)).toBe('subscribed')
    expect(calls).toEqual(['request', 'subscribe /sw.js /app/ BKey'])
    expect(events).toEqual([
      [
        'push.subscribed',
        { subscription: { endpoint: 'https://push.test/1', keys: { p256dh: 'p', auth: 'a' } } },
      ],
    ])
    expect(kv.data.get('push')).toEqual({ endpoint: 'https://push.test/1' })
  })
  it('default → denied: reports push.denied and never subscribes', async () => {
    const { port, calls } = fakePort({ answer: 'denied' })
    const { d, events } = deps(port)
    expect(await requestPush(campaign, d)).toBe('denied')
    expect(calls).toEqual(['request'])
    expect(events).toEqual([['push.denied', undefined]])
  })
  it('already granted: subscribes without asking, default worker path', async () => {
    const { port, calls } = fakePort({ permission: 'granted' })
    const { d } = deps(port)
    expect(await requestPush(campaign, d)).toBe('subscribed')
    expect(calls).toEqual(['subscribe /linger-sw.js undefined BKey'])
  })
  it('a hanging subscribe fails after the timeout with reason "timeout"', async () => {
    const { port } = fakePort({ permission: 'granted', subscribe: () => new Promise(() => {}) })
    const { d, events } = deps(port, { timeoutMs: 20 })
    expect(await requestPush(campaign, d)).toBe('failed')
    expect(events).toEqual([['push.failed', { reason: 'timeout' }]])
  })
  it('a rejected subscribe fails with the browser reason', async () => {
    const err = Object.assign(new Error('Registration failed - permission denied'), { name: 'AbortError' })
    const { port } = fakePort({ permission: 'granted', subscribe: () => Promise.reject(err) })
    const { d, events } = deps(port)
    expect(await requestPush(campaign, d)).toBe('failed')
    expect(events).toEqual([
      ['push.failed', { reason: 'AbortError: Registration failed - permission denied' }],
    ])
  })
  it('does not report the same endpoint twice', async () => {
    const { port } = fakePort({ permission: 'granted' })
    const { d, events } = deps(port)
    await requestPush(campaign, d)
    await requestPush(campaign, d)
    expect(events.filter(([t]) => t === 'push.subscribed')).toHaveLength(1)
  })
})

describe('pushGate', () => {
  it('unsupported: no prompt, push.unsupported once per device', async () => {
    const { port } = fakePort({ support: 'unsupported' })
    const { d, events } = deps(port)
    expect(await pushGate(campaign, d)).toEqual({ show: false, code: 'push-unsupported' })
    expect(await pushGate(campaign, d)).toEqual({ show: false, code: 'push-unsupported' })
    expect(events).toEqual([['push.unsupported', { reason: 'unsupported' }]])
  })
  it('iOS outside a home-screen app: no prompt, reported as unsupported with the reason', async () => {
    const { port } = fakePort({ support: 'ios-needs-install' })
    const { d, events } = deps(port)
    expect((await pushGate(campaign, d)).code).toBe('push-ios-needs-install')
    expect(events).toEqual([['push.unsupported', { reason: 'ios-needs-install' }]])
  })
  it('denied: no prompt, no event', async () => {
    const { port } = fakePort({ support: 'denied', permission: 'denied' })
    const { d, events } = deps(port)
    expect((await pushGate(campaign, d)).code).toBe('push-denied')
    expect(events).toEqual([])
  })
  it('already granted: subscribes silently instead of prompting', async () => {
    const { port, calls } = fakePort({ permission: 'granted' })
    const { d, events } = deps(port)
    expect((await pushGate(campaign, d)).code).toBe('push-granted')
    expect(calls).toEqual(['subscribe /linger-sw.js undefined BKey'])
    expect(events.map(([t]) => t)).toEqual(['push.subscribed'])
  })
  it('default: the prompt may show', async () => {
    const { port, calls } = fakePort({})
    const { d } = deps(port)
    expect(await pushGate(campaign, d)).toEqual({ show: true, code: 'ok' })
    expect(calls).toEqual([])
  })
  it('"Not now" cools down 3, then 7, then 30 days, and the prompt returns exactly at the end', async () => {
    const { port } = fakePort({})
    let now = T0
    const { d, events } = deps(port, { now: () => now })
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      const until = await dismissPush(d)
      waits.push((until - now) / DAY)
      expect((await pushGate(campaign, d)).code).toBe('push-cooldown')
      now = until - 1
      expect((await pushGate(campaign, d)).detail).toEqual({ until: new Date(until).toISOString() })
      now = until
      expect((await pushGate(campaign, d)).show).toBe(true)
    }
    expect(waits).toEqual([3, 7, 30, 30])
    expect(events.filter(([t]) => t === 'push.dismissed')).toHaveLength(4)
  })
})

describe('resyncPush', () => {
  it('re-sends push.subscribed when the browser subscription changed since the last report', async () => {
    const { port } = fakePort({ permission: 'granted', current: sub('https://push.test/2') })
    const { d, events, kv } = deps(port)
    kv.data.set('push', { endpoint: 'https://push.test/1' })
    await resyncPush(campaign, d)
    expect(events).toEqual([
      ['push.subscribed', { subscription: sub('https://push.test/2').toJSON(), resync: true }],
    ])
    await resyncPush(campaign, d)
    expect(events).toHaveLength(1)
  })
  it('stays quiet without permission or without a subscription', async () => {
    for (const o of [
      { permission: 'default' as const, current: sub('x') },
      { permission: 'granted' as const },
    ]) {
      const { port } = fakePort(o)
      const { d, events } = deps(port)
      await resyncPush(campaign, d)
      expect(events).toEqual([])
    }
  })
})

describe('unsubscribePush', () => {
  it('unsubscribes the current subscription when there is one', async () => {
    let gone = false
    const current = { ...sub('x'), unsubscribe: async () => (gone = true) }
    const { port } = fakePort({ permission: 'granted', current })
    await unsubscribePush(campaign, port)
    expect(gone).toBe(true)
  })
  it('does nothing without permission and never throws', async () => {
    const { port } = fakePort({ permission: 'default' })
    await expect(unsubscribePush(campaign, port)).resolves.toBeUndefined()
    const broken = {
      ...fakePort({ permission: 'granted' }).port,
      current: () => Promise.reject(new Error('x')),
    }
    await expect(unsubscribePush(campaign, broken)).resolves.toBeUndefined()
  })
})
