// @vitest-environment node
import { expect, it } from 'vitest'
import { retentionReport } from '../src/report/retention/retentionReport'
import { forEachDatabase } from './helpers/databases'
import { event, insert, purchase } from './retention-fixtures'

const period = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }

forEachDatabase('retention: segments', (db) => {
  it('compares visitors shown a campaign with visitors held out of it', async () => {
    const site = 'lift'
    const shown = (v: string, ts = '2026-01-10T12:00:00Z') =>
      event(site, 'campaign.shown', ts, v, { campaign_id: 'exit-offer', variant: 'a' })
    const held = (v: string, ts = '2026-01-10T12:00:00Z') =>
      event(site, 'campaign.held-out', ts, v, { campaign_id: 'exit-offer' })
    await insert(db(), [
      // Exposed e1…e4:
      purchase(site, '2026-01-05T12:00:00Z', 'e1', 15), // before exposure: not in the outcome
      shown('e1'),
      shown('e1', '2026-01-12T12:00:00Z'), // shown again: first exposure counts
      purchase(site, '2026-01-20T12:00:00Z', 'e1', 30), // 2nd order ever, after exposure → repeater, 30
      shown('e2'),
      purchase(site, '2026-01-12T12:00:00Z', 'e2', 20),
      purchase(site, '2026-01-25T12:00:00Z', 'e2', 40), // → repeater, 20 + 40 = 60
      shown('e3'),
      purchase(site, '2026-01-15T12:00:00Z', 'e3', 10), // first order only → 10
      shown('e4'), // no order → 0
      // Held out h1…h4:
      held('h1'),
      purchase(site, '2026-01-20T12:00:00Z', 'h1', 20), // first order → 20
      held('h2'),
      held('h3'),
      held('h4'),
      shown('h4', '2026-01-11T12:00:00Z'), // held out first: stays held out
      // Exposed before the period: not in this report's groups.
      shown('old', '2025-12-30T12:00:00Z'),
    ])
    const r = await retentionReport(db(), { site, ...period })
    expect(r.segments.campaigns).toHaveLength(1)
    const c = r.segments.campaigns[0]!
    expect(c.campaign).toBe('exit-offer')
    // Exposed: 2 repeaters of 4 = 50 %; revenue 30 + 60 + 10 + 0 = 100 → 25 per visitor.
    expect(c.exposed).toEqual({
      visitors: 4,
      repeaters: 2,
      repeatRate: 50,
      revenue: 100,
      revenuePerVisitor: 25,
    })
    // Held out: 0 of 4; revenue 20 → 5 per visitor.
    expect(c.heldOut).toEqual({ visitors: 4, repeaters: 0, repeatRate: 0, revenue: 20, revenuePerVisitor: 5 })
    // Repeat rate: 50 − 0 = 50 pp; SE = √(0.5 · 0.5 / 4 + 0) = 0.25; margin = 1.96 × 25 = 49.0 pp.
    expect(c.repeatRateDiff.diff).toBe(50)
    expect(c.repeatRateDiff.margin95).toBeCloseTo(48.999, 3)
    expect(c.repeatRateDiff.ci95![0]).toBeCloseTo(1.001, 3)
    // Revenue per visitor: 25 − 5 = 20. Exposed deviations 5, 35, −15, −25 → s² = 2100 / 3 = 700;
    // held out 15, −5, −5, −5 → s² = 300 / 3 = 100. SE = √(700/4 + 100/4) = √200 = 14.142;
    // Welch df = 200² / (175²/3 + 25²/3) = 3.84 → t(0.975, 3) = 3.182; margin = 45.00.
    expect(c.revenuePerVisitorDiff.diff).toBe(20)
    expect(c.revenuePerVisitorDiff.margin95).toBeCloseTo(3.182 * Math.sqrt(200), 6)
  })

  it('splits customers by their latest NPS answer', async () => {
    const site = 'nps'
    const answer = (v: string, score: number, ts: string) =>
      event(site, 'survey.answered', ts, v, {
        campaign_id: 'nps-main',
        props: { survey: 'nps', score, scale: 10 },
      })
    await insert(db(), [
      answer('p1', 9, '2026-01-02T10:00:00Z'),
      answer('p1', 10, '2026-01-03T10:00:00Z'),
      purchase(site, '2026-01-05T10:00:00Z', 'p1', 50),
      purchase(site, '2026-01-15T10:00:00Z', 'p1', 50), // promoter, repeat, 100
      answer('d1', 3, '2026-01-04T10:00:00Z'),
      purchase(site, '2026-01-06T10:00:00Z', 'd1', 40), // detractor, 40
      answer('d2', 2, '2026-01-04T10:00:00Z'),
      answer('d2', 8, '2026-01-09T10:00:00Z'), // latest answer makes d2 a passive
      purchase(site, '2026-01-07T10:00:00Z', 'd2', 30),
      answer('r1', 10, '2026-01-04T10:00:00Z'), // answered, never ordered: not a customer
      event(site, 'survey.answered', '2026-01-04T10:00:00Z', 'c1', {
        props: { survey: 'csat', score: 5, scale: 5 },
      }),
      purchase(site, '2026-01-07T10:00:00Z', 'c1', 70), // CSAT only: in no NPS group
    ])
    const r = await retentionReport(db(), { site, ...period })
    expect(r.segments.nps).toEqual([
      { group: 'promoters', customers: 1, repeatRate: 100, revenue: 100, revenuePerCustomer: 100 },
      { group: 'passives', customers: 1, repeatRate: 0, revenue: 30, revenuePerCustomer: 30 },
      { group: 'detractors', customers: 1, repeatRate: 0, revenue: 40, revenuePerCustomer: 40 },
    ])
  })

  it('compares customers who gave an email with anonymous ones', async () => {
    const site = 'email'
    const identify = (v: string, user: string, traits: Record<string, unknown>) =>
      event(site, 'identify', '2026-01-03T10:00:00Z', v, { user_id: user, props: { traits } })
    await insert(db(), [
      purchase(site, '2026-01-02T10:00:00Z', 'a1', 100), // before identifying
      identify('a1', 'u1', { email: 'u1@example.com' }),
      purchase(site, '2026-01-08T10:00:00Z', 'a1', 50, { user: 'u1' }), // u1: 150
      identify('a2', 'u2', { name: 'no email' }),
      purchase(site, '2026-01-08T10:00:00Z', 'a2', 30, { user: 'u2' }), // identified, no email
      purchase(site, '2026-01-08T10:00:00Z', 'v3', 40),
      purchase(site, '2026-01-09T10:00:00Z', 'v4', 20), // anonymous: 60 / 2 = 30
    ])
    const { email } = (await retentionReport(db(), { site, ...period })).segments
    expect(email.withEmail).toEqual({ customers: 1, repeatRate: 100, revenue: 150, revenuePerCustomer: 150 })
    expect(email.identifiedWithoutEmail).toEqual({
      customers: 1,
      repeatRate: 0,
      revenue: 30,
      revenuePerCustomer: 30,
    })
    expect(email.anonymous).toEqual({ customers: 2, repeatRate: 0, revenue: 60, revenuePerCustomer: 30 })
    expect(email.ltvRatio).toBe(5) // 150 / 30
  })
})
