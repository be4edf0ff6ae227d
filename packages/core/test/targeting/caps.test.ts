import { describe, expect, it } from 'vitest'
import { loadCaps } from '../../src/targeting/caps'
import { checkFrequency } from '../../src/targeting/checkFrequency'
import { checkLimits } from '../../src/targeting/checkLimits'
import { decide } from '../../src/targeting/decide'
import type { Campaign } from '../../src/types'
import { ctx } from './ctx'
import { memoryKv } from './memoryKv'

const DAY = 864e5
const T0 = Date.parse('2026-03-02T12:00:00Z')
const flush = () => new Promise((r) => setTimeout(r, 0))

describe('loadCaps', () => {
  it('persists counters and survives a reload (a new load from the same kv)', async () => {
    const kv = memoryKv()
    const caps = await loadCaps(kv, 's1', ['a'])
    caps.pageview()
    caps.shown('a')
    caps.closed('a', 'dismissed', T0)
    await flush()
    const again = await loadCaps(kv, 's1', ['a'])
    expect(again.campaign('a')).toMatchObject({ s: 1, t: 1, d: T0, pv: 1 })
    expect(again.global).toMatchObject({ shown: 1, closedAt: T0, pv: 1 })
  })
  it('resets session counters in a new session but keeps totals and cooldowns', async () => {
    const kv = memoryKv()
    const caps = await loadCaps(kv, 's1', ['a'])
    caps.pageview()
    caps.shown('a')
    caps.closed('a', 'converted', T0)
    await flush()
    const next = await loadCaps(kv, 's2', ['a'])
    expect(next.campaign('a')).toMatchObject({ s: 0, t: 1, c: T0 })
    expect(next.global).toMatchObject({ shown: 0, pv: 1, closedAt: T0 })
  })
  it('treats completed surveys like conversions', async () => {
    const caps = await loadCaps(memoryKv(), 's', [])
    caps.closed('n', 'completed', T0)
    expect(caps.campaign('n').c).toBe(T0)
  })
  it("reads every campaign's caps in one round trip to a store that can (one IndexedDB transaction)", async () => {
    const kv = memoryKv()
    const first = await loadCaps(kv, 's1', ['a', 'b', 'c'])
    first.shown('b')
    await flush()
    const reads: string[][] = []
    const counted = {
      get: async (key: string) => {
        reads.push([key])
        return kv.get(key)
      },
      set: kv.set,
      getMany: async (keys: string[]) => {
        reads.push(keys)
        return Promise.all(keys.map((k) => kv.get(k)))
      },
    }
    const caps = await loadCaps(counted, 's1', ['a', 'b', 'c'])
    expect(reads).toEqual([['g', 'c:a', 'c:b', 'c:c']])
    expect(caps.campaign('b')).toMatchObject({ s: 1, t: 1 })
    expect(caps.campaign('a')).toMatchObject({ s: 0, t: 0 })
    expect(caps.global).toMatchObject({ shown: 1 })
  })
  it('keeps working in memory when the kv fails', async () => {
    const broken = {
      get: async () => Promise.reject(new Error('x')),
      set: async () => Promise.reject(new Error('x')),
    }
    const caps = await loadCaps(broken, 's', ['a'])
    caps.shown('a')
    expect(caps.campaign('a').s).toBe(1)
  })
  it('counts a held-out show for the campaign but not for the session limit', async () => {
    const caps = await loadCaps(memoryKv(), 's', ['a'])
    caps.shown('a', false)
    expect(caps.campaign('a')).toMatchObject({ s: 1, t: 1 })
    expect(caps.global.shown).toBe(0)
  })
})

describe('checkFrequency', () => {
  const c = (over = {}) => ({ s: 0, t: 0, ...over })
  it('defaults to once per session', () => {
    expect(checkFrequency(undefined, c(), 0, T0)).toBeUndefined()
    expect(checkFrequency(undefined, c({ s: 1 }), 0, T0)?.code).toBe('cap-session')
  })
  it('caps per session and in total', () => {
    expect(checkFrequency({ perSession: 2 }, c({ s: 1 }), 0, T0)).toBeUndefined()
    expect(checkFrequency({ perSession: 2 }, c({ s: 2 }), 0, T0)?.code).toBe('cap-session')
    expect(checkFrequency({ total: 3 }, c({ t: 3 }), 0, T0)?.code).toBe('cap-total')
    expect(checkFrequency({}, c({ s: 9, t: 9 }), 0, T0)).toBeUndefined()
  })
  it('holds after a dismissal until exactly the boundary', () => {
    const f = { afterDismissDays: 7 }
    const until = T0 + 7 * DAY
    expect(checkFrequency(f, c({ d: T0 }), 0, until - 1)).toEqual({
      show: false,
      code: 'cap-dismissed',
      detail: { until: new Date(until).toISOString() },
    })
    expect(checkFrequency(f, c({ d: T0 }), 0, until)).toBeUndefined()
  })
  it('holds after a conversion', () => {
    const f = { afterConvertDays: 365, afterDismissDays: 1 }
    expect(checkFrequency(f, c({ c: T0 }), 0, T0 + 100 * DAY)?.code).toBe('cap-converted')
    expect(checkFrequency(f, c({ c: T0 }), 0, T0 + 365 * DAY)).toBeUndefined()
    expect(checkFrequency({ afterDismissDays: 1 }, c({ c: T0 }), 0, T0 + 1)).toBeUndefined()
  })
  it('shows at most once every N page views', () => {
    const f = { everyPageviews: 3 }
    expect(checkFrequency(f, c(), 1, T0)).toBeUndefined()
    expect(checkFrequency(f, c({ pv: 4 }), 6, T0)?.code).toBe('cap-pageviews')
    expect(checkFrequency(f, c({ pv: 4 }), 7, T0)).toBeUndefined()
  })
})

describe('checkLimits', () => {
  const g = (over = {}) => ({ shown: 0, pv: 0, ...over })
  it('caps widgets per session across campaigns', () => {
    expect(checkLimits({ perSession: 2 }, g({ shown: 1 }), T0)).toBeUndefined()
    expect(checkLimits({ perSession: 2 }, g({ shown: 2 }), T0)?.code).toBe('limit-session')
  })
  it('keeps a quiet gap after any widget closed, ending exactly at its boundary', () => {
    expect(checkLimits({ gapSeconds: 60 }, g({ closedAt: T0 }), T0 + 59_999)).toEqual({
      show: false,
      code: 'limit-gap',
      detail: { until: new Date(T0 + 60_000).toISOString() },
    })
    expect(checkLimits({ gapSeconds: 60 }, g({ closedAt: T0 }), T0 + 60_000)).toBeUndefined()
    expect(checkLimits({ gapSeconds: 60 }, g(), T0)).toBeUndefined()
    expect(checkLimits(undefined, g({ shown: 99 }), T0)).toBeUndefined()
  })
})

describe('decide', () => {
  const campaign = {
    id: 'a',
    kind: 'popup',
    trigger: { type: 'pageview' },
    content: {},
    audience: { device: ['desktop'] },
    frequency: { perSession: 1 },
  } as Campaign
  it('checks audience first, then caps, then limits', async () => {
    const caps = await loadCaps(memoryKv(), 's', ['a'])
    expect(decide(campaign, ctx({ device: 'mobile' }), caps).code).toBe('device')
    expect(decide(campaign, ctx(), caps)).toEqual({ show: true, code: 'ok' })
    caps.closed('b', 'dismissed', T0)
    expect(decide(campaign, ctx({ now: T0 + 1 }), caps, { gapSeconds: 10 }).code).toBe('limit-gap')
    caps.shown('a')
    expect(decide(campaign, ctx({ device: 'mobile' }), caps).code).toBe('device')
    expect(decide(campaign, ctx(), caps).code).toBe('cap-session')
  })
})
