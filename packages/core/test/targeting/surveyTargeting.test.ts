import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadCaps } from '../../src/targeting/caps'
import { decide } from '../../src/targeting/decide'
import type { Campaign } from '../../src/types'
import { ctx } from './ctx'
import { memoryKv } from './memoryKv'

const DAY = 864e5
const T0 = Date.parse('2026-03-02T12:00:00Z')
const flush = () => new Promise((r) => setTimeout(r, 0))
const popup = (over: Record<string, unknown>) =>
  ({ id: 'save', kind: 'popup', trigger: { type: 'pageview' }, content: { title: 'x' }, ...over }) as Campaign
const nps = (over: Record<string, unknown> = {}) =>
  ({ id: 'nps', kind: 'nps', trigger: { type: 'pageview' }, question: 'Q?', ...over }) as Campaign
const answer = (survey: string, score: number, scale?: number) => ({ survey, score, ...(scale && { scale }) })

afterEach(() => vi.useRealTimers())

describe('audience.survey: the last NPS group or CSAT score on this device', () => {
  it('a detractor sees the save offer on a later page (after a reload), a promoter the review ask', async () => {
    const kv = memoryKv()
    const save = popup({ audience: { survey: { nps: ['detractor'] } }, frequency: {} })
    const review = popup({ id: 'review', audience: { survey: { nps: ['promoter'] } }, frequency: {} })
    let caps = await loadCaps(kv, 's1', ['save', 'review'])
    expect(decide(save, ctx(), caps)).toEqual({
      show: false,
      code: 'survey-nps',
      detail: { want: ['detractor'], last: null },
    })
    caps.answered('nps', answer('nps', 4), T0)
    await flush()
    caps = await loadCaps(kv, 's2', ['save', 'review'])
    expect(decide(save, ctx(), caps).show).toBe(true)
    expect(decide(review, ctx(), caps)).toMatchObject({
      show: false,
      code: 'survey-nps',
      detail: { last: 'detractor' },
    })
    // They answer again, 10: now a promoter; the latest answer is what counts.
    caps.answered('nps', answer('nps', 10), T0 + DAY)
    expect(decide(review, ctx(), caps).show).toBe(true)
    expect(decide(save, ctx(), caps).show).toBe(false)
  })

  it('CSAT on any scale is mapped onto 1–5; withinDays ignores an old answer', async () => {
    const caps = await loadCaps(memoryKv(), 's', [])
    const unhappy = popup({ audience: { survey: { csat: { max: 2 }, withinDays: 30 } }, frequency: {} })
    caps.answered('csat', answer('csat', 2, 7), T0) // 2 of 7 → 1.67 of 5
    expect(decide(unhappy, ctx({ now: T0 + DAY }), caps).show).toBe(true)
    expect(decide(unhappy, ctx({ now: T0 + 31 * DAY }), caps)).toMatchObject({ code: 'survey-csat' })
    caps.answered('csat', answer('csat', 4), T0) // 4 of 5
    expect(decide(unhappy, ctx({ now: T0 + DAY }), caps)).toMatchObject({
      code: 'survey-csat',
      detail: { min: 1, max: 2, last: 4 },
    })
    // A flow's NPS question counts like the NPS widget's answer.
    caps.answered('flow', { survey: 'nps', question: 'rec', index: 0, score: 8, scale: 10 }, T0)
    expect(caps.global.nps).toEqual({ g: 'passive', at: T0 })
  })
})

describe('survey scheduling: everyDays, maxResponses, limits.surveyGapDays', () => {
  it('recurring NPS: asked again every N days after the last show, not before', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] })
    const caps = await loadCaps(memoryKv(), 's', ['nps'])
    const c = nps({ frequency: { everyDays: 90 } })
    expect(decide(c, ctx({ now: T0 }), caps).show).toBe(true)
    caps.shown('nps', true, true)
    expect(decide(c, ctx({ now: T0 + 89 * DAY }), caps)).toEqual({
      show: false,
      code: 'cap-days',
      detail: { until: new Date(T0 + 90 * DAY).toISOString() },
    })
    expect(decide(c, ctx({ now: T0 + 90 * DAY }), caps).show).toBe(true)
  })

  it('maxResponses counts one response per show, however many answers it had', async () => {
    const caps = await loadCaps(memoryKv(), 's', ['nps'])
    const c = nps({ frequency: { maxResponses: 2 } })
    caps.shown('nps', true, true)
    caps.answered('nps', answer('nps', 8), T0)
    caps.answered('nps', { ...answer('nps', 8), comment: 'more' }, T0)
    expect(decide(c, ctx(), caps).show).toBe(true)
    caps.shown('nps', true, true) // shown, never answered: no response
    expect(decide(c, ctx(), caps).show).toBe(true)
    caps.shown('nps', true, true)
    caps.answered('nps', answer('nps', 3), T0)
    expect(decide(c, ctx(), caps)).toEqual({ show: false, code: 'cap-responses', detail: { max: 2 } })
  })

  it('surveyGapDays keeps every survey away for N days after any survey showed; pop-ups are not held', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] })
    const caps = await loadCaps(memoryKv(), 's', ['nps', 'csat', 'p'])
    const limits = { surveyGapDays: 14 }
    const csat = {
      id: 'csat',
      kind: 'csat',
      trigger: { type: 'pageview' },
      question: 'Q?',
      frequency: {},
    } as Campaign
    caps.shown('nps', true, true)
    expect(decide(csat, ctx({ now: T0 + 13 * DAY }), caps, limits)).toEqual({
      show: false,
      code: 'limit-survey-gap',
      detail: { until: new Date(T0 + 14 * DAY).toISOString() },
    })
    expect(decide(popup({ id: 'p', frequency: {} }), ctx({ now: T0 + DAY }), caps, limits).show).toBe(true)
    expect(decide(csat, ctx({ now: T0 + 14 * DAY }), caps, limits).show).toBe(true)
  })
})
