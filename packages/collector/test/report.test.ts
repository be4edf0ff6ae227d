// @vitest-environment node

import type { LingerEvent } from '@linger/core/wire'
import { beforeAll, expect, it } from 'vitest'
import type { Report } from '../src/report'
import { createApp } from '../src/server'
import { forEachDatabase, SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 0, d, h)).toISOString()
const nps = (visitorId: string, score: number, ts: string, campaignId = 'nps-main') =>
  event({ type: 'survey.answered', visitorId, campaignId, ts, props: { survey: 'nps', score } })
const csat = (visitorId: string, score: number, scale?: number, ts = day(9)) =>
  event({
    type: 'survey.answered',
    visitorId,
    campaignId: 'csat-order',
    ts,
    props: { survey: 'csat', score, scale },
  })
const camp = (type: string, visitorId: string, variant?: string, campaignId = 'exit-offer', ts = day(10)) =>
  event({ type: `campaign.${type}`, visitorId, campaignId, variant, ts })
const buy = (
  visitorId: string,
  ts: string,
  props: Record<string, unknown> = {},
  over: Partial<LingerEvent> = {},
) =>
  event({
    type: 'purchase',
    visitorId,
    ts,
    props: { orderId: `o-${visitorId}-${ts}`, value: 10, currency: 'EUR', ...props },
    ...over,
  })
const cart = (visitorId: string, sessionId: string, items: number, ts = day(12)) =>
  event({
    type: 'cart.updated',
    visitorId,
    sessionId,
    ts,
    props: {
      items: Array.from({ length: items }, (_, i) => ({ id: `p${i}`, price: 5, quantity: 1 })),
      value: 5 * items,
      currency: 'EUR',
    },
  })
/** `purchase.props.recoveredBy` as the core sends it. */
const exposure = (heldOut: boolean) => ({
  campaignId: 'cart-rescue',
  variant: 'a',
  heldOut,
  shownAt: day(13),
})
const push = (type: string, visitorId: string) =>
  event({
    type: `push.${type}`,
    visitorId,
    campaignId: 'push-optin',
    ts: day(11),
    props:
      type === 'subscribed'
        ? {
            subscription: {
              endpoint: `https://push.example/${visitorId}-${Math.random()}`,
              keys: { p256dh: 'k', auth: 'a' },
            },
          }
        : {},
  })

// Every figure below is worked out by hand from these events (see the comments).
const fixture: LingerEvent[] = [
  // NPS, one answer per visitor and campaign (the latest) in [Jan 1, Feb 1):
  nps('n1', 3, day(2)), // superseded by n1's 9 overall; alone in the week of Dec 29 in the trend
  nps('n1', 9, day(10)), // promoter
  nps('n2', 10, day(6)), // promoter
  nps('n3', 7, day(7)), // passive
  nps('n4', 8, day(13)), // passive
  nps('n4', 2, day(14), 'nps-2'), // detractor: other campaign, so it counts too
  nps('n5', 0, day(15)), // detractor
  nps('n6', 6, day(20)), // detractor
  nps('n9', 5, day(21)), // detractor
  nps('n9', 10, '2026-02-01T00:00:00.000Z'), // `to` is exclusive: out
  nps('n7', 9, '2025-12-31T23:59:59.000Z'), // before `from`: out
  // CSAT: every answer counts; 3- and 7-point scales mapped onto 1…5.
  csat('c1', 5), // 5
  csat('c2', 4), // 4 (no scale: 5-point)
  csat('c3', 3, 5), // 3
  csat('c4', 1, 5), // 1
  csat('c5', 3, 3), // 3/3 → 5
  csat('c6', 2, 3), // 2/3 → 3
  csat('c7', 5, 7), // 5/7 → 3.67 → 4
  csat('c8', 3, 7), // 3/7 → 2.33 → 2
  csat('c9', 7, 7), // 7/7 → 5
  csat('c1', 2, 5, day(20)), // 2: a second answer from c1 also counts
  // exit-offer a: shown to 10 visitors (a1 twice), dismissed by 3, converted by 2 (a4 twice).
  ...['a1', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'].map((v) => camp('shown', v, 'a')),
  ...['a1', 'a2', 'a3'].map((v) => camp('dismissed', v, 'a')),
  camp('dismissed', 'stranger', 'a'), // never shown: not counted
  ...['a4', 'a4', 'a5'].map((v) => camp('converted', v, 'a')),
  // exit-offer b: shown to 5, converted 2 (b1 converted on variant a too: not counted for a).
  ...['b1', 'b2', 'b3', 'b4', 'b5'].map((v) => camp('shown', v, 'b')),
  ...['b1', 'b2'].map((v) => camp('converted', v, 'b')),
  camp('converted', 'b1', 'a'),
  // Purchases after being shown (window 5 days): a1 and b1 within it, a2 too late.
  buy('a1', day(11)),
  buy('a2', day(21)),
  buy('b1', day(12)),
  // Hold-out (no variant): 4 visitors; only h1 buys within 5 days after being held out.
  ...['h1', 'h2', 'h3', 'h4'].map((v) => camp('held-out', v, undefined, 'exit-offer', day(10))),
  buy('h1', day(12)), // 2 days after: converts
  buy('h2', day(16)), // 6 days after: outside the window
  buy('h3', day(8)), // before being held out
  // A campaign everybody was held out of still gets a row.
  camp('held-out', 'h9', undefined, 'solo'),
  // Push: 5 visitors prompted (p1 twice), 2 subscribed (p2 twice), 1 denied.
  ...['p1', 'p1', 'p2', 'p3', 'p4', 'p5'].map((v) => push('prompted', v)),
  ...['p1', 'p2', 'p2'].map((v) => push('subscribed', v)),
  push('denied', 'p3'),
  // Carts: k2, k4, k5 abandoned; k1 bought in the session; k3 emptied the cart.
  cart('k1', 'k1s', 2),
  buy('k1', day(12, 13), {}, { sessionId: 'k1s' }),
  cart('k2', 'k2s', 2),
  cart('k3', 'k3s', 1),
  cart('k3', 'k3s', 0, day(12, 13)),
  cart('k4', 'k4s', 3),
  buy('k4', day(14), { orderId: 'o1', value: 40.5, recoveredBy: exposure(false) }), // recovered
  cart('k5', 'k5s', 1),
  buy('k5', day(15), { orderId: 'o2', value: 60 }, { campaignId: 'cart-rescue' }), // recovered
  buy('k5', day(15), { orderId: 'o2', value: 60 }, { campaignId: 'cart-rescue' }), // same order again
  buy('k6', day(16), { orderId: 'o3', value: 10, currency: 'USD', recoveredBy: 'cart-rescue' }), // recovered, USD
  buy('k7', day(17), { orderId: 'o4', value: 99 }), // not attributed
  buy('k8', day(17), { orderId: 'o5', value: 70, recoveredBy: exposure(true) }), // held out: not recovered
]

const other = [nps('x1', 10, day(5)), camp('shown', 'x1', 'a')].map((e) => ({ ...e, site: 'other' }))

forEachDatabase('GET /v1/report', (db) => {
  const app = () => createApp({ db: db(), adminToken: 'secret' })
  const auth = { headers: { authorization: 'Bearer secret' } }
  let report: Report

  beforeAll(async () => {
    for (const b of [batch(fixture), batch(other, 'other')]) {
      const res = await app().request('/v1/batch', post(b))
      expect(res.status).toBe(200)
    }
    const res = await app().request(
      '/v1/report?site=shop&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
      auth,
    )
    expect(res.status).toBe(200)
    report = (await res.json()) as Report
  }, SLOW)

  it('names the site and period', () => {
    expect(report).toMatchObject({
      site: 'shop',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    })
  })

  it('NPS: latest answer per visitor and campaign, % promoters − % detractors, margin from the ±1/0 variance', () => {
    // 8 answers: 9, 10 | 7, 8 | 2, 0, 6, 5 → 25% − 50% = −25.
    expect(report.nps).toMatchObject({ responses: 8, promoters: 2, passives: 2, detractors: 4, score: -25 })
    expect(report.nps.distribution).toEqual([1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1])
    // mean −0.25, E[X²] = 6/8 → variance 0.6875; 1.96 × √(0.6875 / 8) = 57.4566…
    expect(report.nps.margin95).toBeCloseTo(57.4566, 3)
  })

  it('NPS trend by ISO week, each week deduplicated on its own', () => {
    expect(report.nps.trend).toEqual([
      { week: '2025-12-29', responses: 1, score: -100 }, // n1's 3
      { week: '2026-01-05', responses: 3, score: expect.closeTo(66.667, 2) }, // 9, 10, 7
      { week: '2026-01-12', responses: 3, score: expect.closeTo(-66.667, 2) }, // 8, 2, 0
      { week: '2026-01-19', responses: 2, score: -100 }, // 6, 5
    ])
  })

  it('CSAT: % of 4–5 after mapping other scales, every answer counted', () => {
    // mapped: 1 → 1; 2 → c8, c1's 2nd; 3 → c3, c6; 4 → c2, c7; 5 → c1, c5, c9
    expect(report.csat).toMatchObject({
      responses: 10,
      satisfied: 5,
      score: 50,
      distribution: [1, 2, 2, 2, 3],
    })
    expect(report.csat.margin95).toBeCloseTo(30.99, 2) // 1.96 × √(0.5 × 0.5 / 10)
  })

  it('campaigns: visitors shown/dismissed/converted, Wilson interval, hold-out and lift', () => {
    expect(report.campaigns).toEqual([
      {
        id: 'exit-offer',
        kind: 'popup',
        variant: 'a',
        shown: 10,
        dismissed: 3,
        converted: 2,
        conversionRate: 20,
        ci95: [expect.closeTo(5.67, 2), expect.closeTo(50.98, 2)], // Wilson 2/10
        heldOut: 4,
        heldOutConverted: 1,
        lift: -20, // (20 − 25) / 25
        purchased: 1,
        purchaseLift: -60, // (10 − 25) / 25
        answered: 0,
        subscribed: 0,
      },
      {
        id: 'exit-offer',
        kind: 'popup',
        variant: 'b',
        shown: 5,
        dismissed: 0,
        converted: 2,
        conversionRate: 40,
        ci95: [expect.closeTo(11.76, 2), expect.closeTo(76.93, 2)], // Wilson 2/5
        heldOut: 4,
        heldOutConverted: 1,
        lift: 60, // (40 − 25) / 25
        purchased: 1,
        purchaseLift: -20, // (20 − 25) / 25
        answered: 0,
        subscribed: 0,
      },
      {
        id: 'solo',
        kind: 'popup',
        variant: null,
        shown: 0,
        dismissed: 0,
        converted: 0,
        conversionRate: null,
        ci95: null,
        heldOut: 1,
        heldOutConverted: 0,
        lift: null,
        purchased: 0,
        purchaseLift: null,
        answered: 0,
        subscribed: 0,
      },
    ])
  })

  it('push opt-in: visitors subscribed / prompted', () => {
    expect(report.push).toEqual({ prompted: 5, subscribed: 2, denied: 1, optInRate: 40 })
  })

  it('carts: abandoned per session, recovered once per order, value in the main currency', () => {
    expect(report.carts).toEqual({
      abandoned: 3,
      recovered: 3,
      recoveredValue: 100.5,
      currency: 'EUR',
      unknownCurrencies: [],
    })
  })

  it('a period with no data gives zeros and nulls, not errors', async () => {
    const res = await app().request('/v1/report?site=shop&from=2020-01-01&to=2020-02-01', auth)
    const empty = (await res.json()) as Report
    expect(empty.nps).toMatchObject({ score: null, responses: 0, margin95: null, trend: [] })
    expect(empty.csat).toMatchObject({ score: null, responses: 0, distribution: [0, 0, 0, 0, 0] })
    expect(empty.campaigns).toEqual([])
    expect(empty.push).toEqual({ prompted: 0, subscribed: 0, denied: 0, optInRate: null })
    expect(empty.carts).toEqual({
      abandoned: 0,
      recovered: 0,
      recoveredValue: 0,
      currency: null,
      unknownCurrencies: [],
    })
  })
})

// Each kind of campaign has its own outcome: a survey's is an answer, a push prompt's a
// subscription. The kind comes from the SDK's `campaign.shown`, else from the campaign's events.
const kinds: LingerEvent[] = [
  // csat-order: shown to s1–s4 (no kind in the event: an older SDK); s1 and s2 answer, s2 twice.
  ...['s1', 's2', 's3', 's4'].map((v) => camp('shown', v, undefined, 'csat-order')),
  ...[csat('s1', 5), csat('s2', 4), csat('s2', 5)],
  // nps-quiet: the SDK says it is an NPS survey; nobody answered yet.
  event({
    type: 'campaign.shown',
    visitorId: 'q1',
    campaignId: 'nps-quiet',
    ts: day(10),
    props: { kind: 'nps' },
  }),
  // push-optin: shown to p1–p3, p2 subscribed; a popup converted by p9 stays a pop-up.
  ...['p1', 'p2', 'p3'].map((v) => camp('shown', v, undefined, 'push-optin')),
  push('prompted', 'p2'),
  push('subscribed', 'p2'),
  camp('shown', 'p9', undefined, 'bar'),
  camp('converted', 'p9', undefined, 'bar'),
].map((e) => ({ ...e, site: 'kinds' }))

forEachDatabase('GET /v1/report campaign kinds', (db) => {
  it(
    'gives each campaign its kind, and surveys their answers and push its subscriptions',
    async () => {
      const app = createApp({ db: db(), adminToken: 'secret' })
      expect((await app.request('/v1/batch', post(batch(kinds, 'kinds')))).status).toBe(200)
      const res = await app.request('/v1/report?site=kinds&from=2026-01-01&to=2026-02-01', {
        headers: { authorization: 'Bearer secret' },
      })
      const rows = ((await res.json()) as Report).campaigns
      const pick = ({ id, kind, shown, answered, subscribed, converted }: Report['campaigns'][number]) => ({
        ...{ id, kind, shown, answered, subscribed, converted },
      })
      expect(rows.map(pick)).toEqual([
        { id: 'bar', kind: 'popup', shown: 1, answered: 0, subscribed: 0, converted: 1 },
        { id: 'csat-order', kind: 'csat', shown: 4, answered: 2, subscribed: 0, converted: 0 },
        { id: 'nps-quiet', kind: 'nps', shown: 1, answered: 0, subscribed: 0, converted: 0 },
        { id: 'push-optin', kind: 'push', shown: 3, answered: 0, subscribed: 1, converted: 0 },
      ])
    },
    SLOW,
  )
})
