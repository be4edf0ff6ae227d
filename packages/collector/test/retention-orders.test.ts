// @vitest-environment node
import { expect, it } from 'vitest'
import { retentionReport } from '../src/report/retention/retentionReport'
import { forEachDatabase } from './helpers/databases'
import { event, insert, purchase } from './retention-fixtures'

const period = { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }

forEachDatabase('retention: orders and customers', (db) => {
  it('counts a purchase once per orderId (re-sent thank-you pages, retried batches)', async () => {
    const site = 'dupes'
    await insert(db(), [
      purchase(site, '2026-02-10T10:00:00Z', 'a', 40, { orderId: 'A-1' }),
      purchase(site, '2026-02-10T10:05:00Z', 'a', 40, { orderId: 'A-1' }), // same order, reloaded page
      purchase(site, '2026-02-12T10:00:00Z', 'b', 60, { orderId: 'B-1' }),
      purchase(site, '2026-02-12T10:00:00Z', 'b', 60, { orderId: 'B-1' }),
      purchase(site, '2026-02-12T10:00:00Z', 'b', 60, { orderId: 'B-1' }),
    ])
    const r = await retentionReport(db(), { site, ...period })
    // 2 orders (A-1, B-1), not 5; revenue 40 + 60 = 100; nobody ordered twice.
    expect(r).toMatchObject({ orders: 2, customers: 2, revenue: 100, aov: 50, repeatPurchaseRate: 0 })
    expect(r.avgDaysBetweenPurchases).toBeNull()
  })

  it('joins a visitor’s anonymous orders to the user they identify as later', async () => {
    const site = 'late-id'
    await insert(db(), [
      purchase(site, '2026-02-01T10:00:00Z', 'v1', 20), // anonymous
      purchase(site, '2026-02-11T10:00:00Z', 'v1', 30), // anonymous
      event(site, 'identify', '2026-02-20T10:00:00Z', 'v1', {
        user_id: 'u1',
        props: { traits: { email: 'a@example.com' } },
      }),
      purchase(site, '2026-02-25T10:00:00Z', 'v1', 40, { user: 'u1' }),
      purchase(site, '2026-03-07T10:00:00Z', 'v2', 10, { user: 'u1' }), // the same user on a phone
      purchase(site, '2026-03-01T10:00:00Z', 'v3', 99), // someone else, anonymous
    ])
    const r = await retentionReport(db(), { site, ...period })
    // u1: 4 orders (Feb 1, Feb 11, Feb 25, Mar 7) → one repeat customer; v3: one order.
    expect(r).toMatchObject({ customers: 2, orders: 5, revenue: 199, customersNew: 2 })
    expect(r.repeatPurchaseRate).toBe(50) // 1 of 2
    // u1's gaps 10, 14 and 10 days → mean 34 / 3.
    expect(r.avgDaysBetweenPurchases).toBeCloseTo(34 / 3, 10)
    // u1 gave an email: 100 € for 1 customer; v3 is anonymous: 99 €. Ratio 100 / 99.
    expect(r.segments.email.withEmail).toMatchObject({ customers: 1, revenue: 100, repeatRate: 100 })
    expect(r.segments.email.anonymous).toMatchObject({ customers: 1, revenue: 99 })
    expect(r.segments.email.ltvRatio).toBeCloseTo(100 / 99, 10)

    // A report that ends before the identify doesn't know the link yet: v1 is still anonymous.
    const before = await retentionReport(db(), {
      site,
      from: '2026-02-01T00:00:00Z',
      to: '2026-02-15T00:00:00Z',
    })
    expect(before).toMatchObject({ customers: 1, orders: 2, revenue: 50, repeatPurchaseRate: 100 })
    expect(before.segments.email.withEmail.customers).toBe(0)
    expect(before.segments.email.anonymous.customers).toBe(1)
  })

  it('links a visitor through any event carrying a user id, the first user winning', async () => {
    const site = 'any-event'
    await insert(db(), [
      purchase(site, '2026-02-02T10:00:00Z', 'w', 10),
      event(site, 'page.viewed', '2026-02-03T10:00:00Z', 'w', { user_id: 'first' }),
      event(site, 'page.viewed', '2026-02-04T10:00:00Z', 'w', { user_id: 'second' }),
      purchase(site, '2026-02-05T10:00:00Z', 'x', 10, { user: 'first' }),
    ])
    // Inserted out of order, in a later batch: an earlier link to another user still wins.
    await insert(db(), [event(site, 'page.viewed', '2026-02-02T12:00:00Z', 'w', { user_id: 'first' })])
    const r = await retentionReport(db(), { site, ...period })
    // w's order belongs to "first", who also ordered on x: 1 customer, 2 orders.
    expect(r).toMatchObject({ customers: 1, orders: 2, repeatPurchaseRate: 100 })
  })

  it('reports one currency and lists the others apart, never summed', async () => {
    const site = 'money'
    await insert(db(), [
      purchase(site, '2026-02-03T10:00:00Z', 'a', 10),
      purchase(site, '2026-02-04T10:00:00Z', 'b', 20),
      purchase(site, '2026-02-05T10:00:00Z', 'a', 30, { currency: 'eur' }), // lower case is still EUR
      purchase(site, '2026-02-06T10:00:00Z', 'c', 100, { currency: 'USD' }),
    ])
    const r = await retentionReport(db(), { site, ...period })
    // EUR has 3 of 4 orders: revenue 10 + 20 + 30 = 60, aov 60 / 3 = 20, ltv 60 / 2 EUR customers = 30.
    expect(r).toMatchObject({ currency: 'EUR', revenue: 60, aov: 20, ltv: 30, orders: 4, customers: 3 })
    expect(r.otherCurrencies).toEqual([{ currency: 'USD', orders: 1, revenue: 100, customers: 1 }])
    // Asked for USD: 100 from 1 order and 1 customer; EUR listed apart.
    const usd = await retentionReport(db(), { site, ...period, currency: 'usd' })
    expect(usd).toMatchObject({ currency: 'USD', revenue: 100, aov: 100, ltv: 100 })
    expect(usd.otherCurrencies).toEqual([{ currency: 'EUR', orders: 3, revenue: 60, customers: 2 }])
    // A currency nobody paid in: zero revenue and no AOV, all orders listed apart.
    const gbp = await retentionReport(db(), { site, ...period, currency: 'GBP' })
    expect(gbp).toMatchObject({ currency: 'GBP', revenue: 0, aov: null, ltv: null })
    expect(gbp.otherCurrencies.map((c) => c.currency)).toEqual(['EUR', 'USD'])
  })
})
