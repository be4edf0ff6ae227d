// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { campaignsReport } from '../src/report/campaignsReport'
import { flowsReport } from '../src/report/flowsReport'
import { retentionReport } from '../src/report/retention/retentionReport'
import { main } from '../src/seed/cli'
import { DEMO_CAMPAIGNS } from '../src/seed/demoCampaigns'
import { generateEvents } from '../src/seed/generateEvents'
import { seed } from '../src/seed/seed'
import { forEachDatabase } from './helpers/databases'

const options = {
  site: 'seed-test',
  visitors: 300,
  months: 3,
  seed: 7,
  end: new Date('2026-06-01T00:00:00Z'),
}

it('generates the same events from the same seed, and other events from another', () => {
  const a = [...generateEvents(options)]
  const b = [...generateEvents(options)]
  const c = [...generateEvents({ ...options, seed: 8 })]
  expect(a.length).toBeGreaterThan(1000)
  expect(b).toEqual(a)
  expect(c.map((r) => r.ts)).not.toEqual(a.map((r) => r.ts))
  expect(new Set(a.map((r) => r.id)).size).toBe(a.length)
  // Everything inside the seeded months, ids unique, the demo shop's campaigns only.
  for (const r of a)
    expect(r.ts >= '2026-03-01T00:00:00.000Z' && r.ts < '2026-06-01T00:00:00.000Z').toBe(true)
  const campaigns = new Set(a.map((r) => r.campaign_id).filter(Boolean))
  expect([...campaigns].sort()).toEqual(Object.keys(DEMO_CAMPAIGNS).sort())
})

it('models exactly the demo shop’s campaigns: the same ids, kinds, variants and hold-outs', () => {
  const config = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../examples/shop/public/linger.json'), 'utf8'),
  )
  const fromConfig = Object.fromEntries(
    config.campaigns.map(
      (c: { id: string; kind: string; variants?: { id: string; weight: number }[]; holdout?: number }) => [
        c.id,
        {
          kind: c.kind,
          ...(c.variants && { variants: c.variants.map(({ id, weight }) => ({ id, weight })) }),
          ...(c.holdout && { holdout: c.holdout }),
        },
      ],
    ),
  )
  expect(DEMO_CAMPAIGNS).toEqual(fromConfig)
})

it('assigns groups as the config says: hold-outs and variants only where it has them', () => {
  const rows = [...generateEvents({ ...options, visitors: 3000 })]
  const first = new Map<string, Map<string, string>>()
  for (const r of rows) {
    if (r.type !== 'campaign.shown' && r.type !== 'campaign.held-out') continue
    const byVisitor = first.get(r.campaign_id!) ?? new Map<string, string>()
    first.set(r.campaign_id!, byVisitor)
    if (!byVisitor.has(r.visitor_id))
      byVisitor.set(r.visitor_id, r.type === 'campaign.held-out' ? 'held-out' : (r.variant ?? 'none'))
    // The SDK says what kind of campaign it showed; so does the seed.
    expect(r.props).toMatchObject({ kind: DEMO_CAMPAIGNS[r.campaign_id!]!.kind })
  }
  const share = (campaign: string, g: string) => {
    const groups = [...first.get(campaign)!.values()]
    return groups.filter((x) => x === g).length / groups.length
  }
  expect(share('exit-offer', 'held-out')).toBeGreaterThan(0.07)
  expect(share('exit-offer', 'held-out')).toBeLessThan(0.13)
  expect(share('exit-offer', 'a')).toBeGreaterThan(0.4)
  expect(share('exit-offer', 'b')).toBeGreaterThan(0.4)
  expect(share('cart-rescue', 'held-out')).toBeGreaterThan(0.07)
  expect(share('cart-rescue', 'none')).toBeGreaterThan(0.87)
  expect(share('save-offer', 'held-out')).toBeGreaterThan(0.06)
  expect(share('save-offer', 'held-out')).toBeLessThan(0.26)
  for (const id of ['shipping-bar', 'nps-main', 'csat-order', 'push-optin', 'newsletter', 'feedback-flow'])
    expect(share(id, 'none'), id).toBe(1)
})

// The demo's `audience.survey`: the save offer (shown or held out) only reaches a visitor whose
// last NPS answer — the cart page's survey or the feedback flow's first question — was 0–6,
// given within the 60 days the config's `withinDays` allows.
it('offers the save offer only to recent NPS detractors, as the shop config targets it', () => {
  const config = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../examples/shop/public/linger.json'), 'utf8'),
  )
  const audience = config.campaigns.find((c: { id: string }) => c.id === 'save-offer').audience
  expect(audience.survey).toEqual({ nps: ['detractor'], withinDays: 60 })
  const rows = [...generateEvents({ ...options, visitors: 3000 })]
  const lastNps = new Map<string, { score: number; at: number }>()
  let offers = 0
  for (const r of rows) {
    if (r.type === 'survey.answered' && r.props?.survey === 'nps')
      lastNps.set(r.visitor_id, { score: r.props?.score as number, at: Date.parse(r.ts) })
    if (r.campaign_id !== 'save-offer' || !/^campaign\.(shown|held-out)$/.test(r.type)) continue
    offers++
    const last = lastNps.get(r.visitor_id)
    expect(last?.score, r.visitor_id).toBeLessThanOrEqual(6)
    expect(Date.parse(r.ts) - last!.at).toBeLessThanOrEqual(60 * 86_400_000)
  }
  expect(offers).toBeGreaterThan(40)
})

forEachDatabase('seed', (db) => {
  it('writes the generated rows, and seeding again adds nothing', async () => {
    const expected = [...generateEvents(options)]
    const first = await seed(db(), options, 700)
    expect(first.events).toBe(expected.length)
    const count = async () =>
      (
        await db().query<{ n: number }>('select count(*)::int as n from events where site = $1', [
          options.site,
        ])
      ).rows[0]!.n
    expect(await count()).toBe(expected.length)
    // Same rows, byte for byte where it matters: ids, types, times and props.
    const stored = await db().query<{ id: string; type: string; ts: Date; props: unknown }>(
      'select id, type, ts, props from events where site = $1 order by id',
      [options.site],
    )
    const byId = [...expected].sort((x, y) => (x.id < y.id ? -1 : 1))
    expect(stored.rows.map((r) => [r.id, r.type, new Date(r.ts).toISOString(), r.props])).toEqual(
      byId.map((r) => [r.id, r.type, r.ts, r.props]),
    )
    await seed(db(), options, 700)
    expect(await count()).toBe(expected.length)
    // The planner knows the table's size (PGlite runs no autovacuum): the seed analysed it.
    const { rows } = await db().query<{ n: number }>(
      "select reltuples::int8 as n from pg_class where oid = 'events'::regclass",
    )
    expect(rows[0]!.n).toBeGreaterThanOrEqual(expected.length * 0.9)
  })

  it('gives a report with repeat customers, lapsed customers and both campaign groups', async () => {
    const r = await retentionReport(db(), { site: options.site, from: '2026-05-01', to: '2026-06-01' })
    expect(r.customers).toBeGreaterThan(20)
    expect(r.repeatPurchaseRate).toBeGreaterThan(5)
    expect(r.customersStart).toBeGreaterThan(0)
    expect(r.currency).toBe('EUR')
    expect(r.cohorts.length).toBe(1)
    const exposed = r.segments.campaigns.reduce((a, c) => a + c.exposed.visitors, 0)
    const held = r.segments.campaigns.reduce((a, c) => a + c.heldOut.visitors, 0)
    expect(exposed).toBeGreaterThan(held)
    expect(held).toBeGreaterThan(0)
  })
})

// The demo's year (the e2e shop's and the screenshots' seed): the feedback flow shows drop-off
// per question and completions, and the save offer buys more than its hold-out.
forEachDatabase('seeded demo year', (db) => {
  const year = {
    site: 'demo-year',
    visitors: 2000,
    months: 12,
    seed: 42,
    end: new Date('2026-12-01T00:00:00Z'),
  }
  const period = { site: year.site, from: '2025-12-01', to: '2026-12-01' }

  it('has the feedback flow with per-question answers, drop-off and completions', async () => {
    await seed(db(), year)
    const [flow, ...others] = await flowsReport(db(), period)
    expect(others).toEqual([])
    expect(flow!.campaignId).toBe('feedback-flow')
    const q = Object.fromEntries(flow!.questions.map((x) => [x.question, x]))
    expect(flow!.questions.map((x) => x.question)).toEqual(['rec', 'found', 'next-product', 'wrong'])
    expect(q.rec!.answered).toBe(flow!.started)
    expect(flow!.started).toBeLessThan(flow!.shown) // some close it before the first answer
    // Detractors go on to "what went wrong", the others to "how did you find us".
    expect(q.found!.answered + q.wrong!.answered).toBeLessThan(q.rec!.answered)
    expect(q.found!.answered).toBeGreaterThan(q['next-product']!.answered)
    expect(q.rec!.stoppedAfter).toBeGreaterThan(0)
    expect(q.found!.stoppedAfter).toBeGreaterThan(0)
    expect(q.found!.closedHere).toBeGreaterThan(0)
    expect(q.found!.answers.map((a) => a.value).sort()).toEqual(['friend', 'other', 'search', 'social'])
    expect(flow!.completed).toBeGreaterThan(flow!.started / 2)
    expect(flow!.completed).toBeLessThan(flow!.started)
    expect(flow!.medianSeconds).toBeGreaterThan(0)
  }, 120_000)

  it('shows the save offer’s purchase lift against its hold-out, and the flow as a survey', async () => {
    const rows = await campaignsReport(db(), period)
    const offer = rows.find((r) => r.id === 'save-offer')!
    expect(offer.kind).toBe('popup')
    expect(offer.heldOut).toBeGreaterThan(5)
    expect(offer.shown).toBeGreaterThan(offer.heldOut * 3)
    expect(offer.purchaseLift).toBeGreaterThan(20)
    expect(offer.purchased / offer.shown).toBeGreaterThan(offer.heldOutConverted / offer.heldOut)
    const flow = rows.find((r) => r.id === 'feedback-flow')!
    expect(flow.kind).toBe('survey')
    expect(flow.answered).toBeGreaterThan(0)
  }, 60_000)
})

it('the CLI rejects bad options with usage and exit code 2', async () => {
  const errors: string[] = []
  const original = console.error
  console.error = (m: string) => errors.push(m)
  try {
    expect(await main(['--visitors', 'many'])).toBe(2)
    expect(await main(['--end', 'soon'])).toBe(2)
  } finally {
    console.error = original
  }
  expect(errors.join('\n')).toMatch(/--visitors must be a whole number[\s\S]*usage: linger-collector seed/)
})

it('the CLI seeds the database named by the environment and says what it wrote', {
  timeout: 90_000,
}, async () => {
  const logs: string[] = []
  const original = console.log
  console.log = (m: string) => logs.push(m)
  try {
    const code = await main(['--visitors', '40', '--months', '1', '--seed', '3', '--site', 'cli'], {
      LINGER_DATA_DIR: 'memory://',
    })
    expect(code).toBe(0)
  } finally {
    console.log = original
  }
  const expected = [
    ...generateEvents({
      site: 'cli',
      visitors: 40,
      months: 1,
      seed: 3,
      end: new Date('2026-12-01T00:00:00Z'),
    }),
  ]
  expect(logs.join('\n')).toContain(
    `seed: ${expected.length} events for 40 visitors of cli, 2026-11-01T00:00:00.000Z to 2026-12-01T00:00:00.000Z`,
  )
})
