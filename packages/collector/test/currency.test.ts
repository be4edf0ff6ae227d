// @vitest-environment node
// Finding 1 of issue 25: one unauthenticated purchase with `currency: "€"` became the report's
// `carts.currency`, and the dashboard's Intl.NumberFormat threw on it. Currencies that are not
// ISO 4217 codes are stored as given, answered with a warning at ingest, and reported apart:
// never a section's currency, never summed into its money.
import { expect, it } from 'vitest'
import type { Report } from '../src/report'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const site = 'currency-shop'
const buy = (visitorId: string, value: number, currency: string) =>
  event({
    type: 'purchase',
    site,
    visitorId,
    campaignId: 'cart-rescue', // recovered by a campaign: counted in carts.recovered
    ts: '2026-03-10T12:00:00Z',
    props: { orderId: `o-${visitorId}`, value, currency },
  })

forEachDatabase('currencies that are not ISO 4217 codes', (db) => {
  const app = () => createApp({ db: db(), adminToken: 't' })
  const report = async (query = '') => {
    const res = await app().request(`/v1/report?site=${site}&from=2026-03-01&to=2026-04-01${query}`, {
      headers: { authorization: 'Bearer t' },
    })
    return { status: res.status, body: (await res.json()) as Report & { error?: string } }
  }

  it('are stored as given, with a warning naming the path', async () => {
    const res = await app().request('/v1/batch', post(batch([buy('a', 10, '€'), buy('b', 20, 'EUR')])))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      warnings: [
        {
          path: 'events[0].props.currency',
          message: 'not an ISO 4217 currency code: stored as given, reported apart from the money figures',
        },
      ],
    })
    const stored = await db().query<{ c: string }>(
      `select props->>'currency' as c from events where site = $1 order by visitor_id`,
      [site],
    )
    expect(stored.rows).toEqual([{ c: '€' }, { c: 'EUR' }])
  })

  it('never become the currency of carts or retention, even when most orders use them', async () => {
    await app().request('/v1/batch', post(batch([buy('c', 5, '€'), buy('d', 7, 'US$'), buy('e', 1, ' €')])))
    const { body } = await report()
    expect(body.carts).toEqual({
      abandoned: 0,
      recovered: 5,
      recoveredValue: 20,
      currency: 'EUR',
      // Grouped as the orders table keys them (trimmed, upper case): "€" and " €" are one.
      unknownCurrencies: [
        { currency: '€', recovered: 3, value: 16 },
        { currency: 'US$', recovered: 1, value: 7 },
      ],
    })
    expect(body.retention).toMatchObject({ currency: 'EUR', revenue: 20, orders: 5, otherCurrencies: [] })
    expect(body.retention!.unknownCurrencies).toEqual([
      { currency: '€', orders: 3, revenue: 16, customers: 3 },
      { currency: 'US$', orders: 1, revenue: 7, customers: 1 },
    ])
  })

  it('with only unknown currencies, the sections have no currency and no money', async () => {
    const only = 'only-euro-signs'
    const e = { ...buy('z', 9, '€'), site: only }
    await app().request('/v1/batch', post(batch([e], only)))
    const res = await app().request(`/v1/report?site=${only}&from=2026-03-01&to=2026-04-01`, {
      headers: { authorization: 'Bearer t' },
    })
    const body = (await res.json()) as Report
    expect(body.carts).toMatchObject({ recovered: 1, recoveredValue: 0, currency: null })
    expect(body.retention).toMatchObject({ currency: null, revenue: 0, aov: null })
  })

  it('are refused as the report currency parameter, with a 400', async () => {
    const { status, body } = await report('&currency=%E2%82%AC')
    expect(status).toBe(400)
    expect(body.error).toContain('currency')
  })
})
