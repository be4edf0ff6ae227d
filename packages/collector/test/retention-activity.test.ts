// @vitest-environment node
import { expect, it } from 'vitest'
import { retentionReport } from '../src/report/retention/retentionReport'
import { forEachDatabase } from './helpers/databases'
import { event, insert, purchase } from './retention-fixtures'

forEachDatabase('retention: S, N, E, CRR, churn', (db) => {
  it("reproduces the seeds' example: S = 10, E = 40, N = 35 → CRR 50 %", async () => {
    const site = 'seeds'
    const rows = []
    // Period [2026-04-01, 2026-05-01), activeDays 90.
    // Active at `from` = ordered in [2026-01-01, 2026-04-01); active at `to` = in [2026-01-31, 2026-05-01).
    // c0…c9 order on 2026-01-15: active at from, not at to (Jan 15 < Jan 31). S = 10.
    // c0…c4 order again on 2026-04-10: active at to. c5…c9 don't: lost = 5.
    // n0…n34 place their first order in April: N = 35, all active at to. E = 5 + 35 = 40.
    for (let i = 0; i < 10; i++) rows.push(purchase(site, '2026-01-15T12:00:00Z', `c${i}`, 50))
    for (let i = 0; i < 5; i++) rows.push(purchase(site, '2026-04-10T12:00:00Z', `c${i}`, 50))
    for (let i = 0; i < 35; i++)
      rows.push(purchase(site, `2026-04-${String(5 + (i % 20)).padStart(2, '0')}T09:00:00Z`, `n${i}`, 50))
    await insert(db(), rows)
    const r = await retentionReport(db(), { site, from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' })
    expect(r).toMatchObject({
      activeDays: 90,
      customersStart: 10,
      customersNew: 35,
      customersEnd: 40,
      lost: 5,
    })
    expect(r.crr).toBe(50) // (40 − 35) / 10
    expect(r.churn).toBe(50) // 5 / 10
    // 45 customers, 10 + 5 + 35 = 50 orders of 50 € = 2,500 €.
    expect(r).toMatchObject({ customers: 45, orders: 50, revenue: 2500, aov: 50, currency: 'EUR' })
    expect(r.ltv).toBeCloseTo(2500 / 45, 10) // 55.56
    expect(r.repeatPurchaseRate).toBeCloseTo((5 / 45) * 100, 10) // 11.1 %
    // Gaps: c0…c4 from Jan 15 to Apr 10 = 16 + 28 + 31 + 10 = 85 days each.
    expect(r.avgDaysBetweenPurchases).toBeCloseTo(85, 10)
    // Projection: 40 orders in the period / ((10 + 40) / 2 = 25 active) / (30 / 30.436875 months)
    // = 1.6233 orders per customer-month; monthly churn = 1 − 0.5^(1 / 0.98565) = 0.50502;
    // lifetime 1.9801 months; 50 × 1.6233 × 1.9801 = 160.716.
    expect(r.projection.ordersPerCustomerPerMonth).toBeCloseTo(1.6233, 4)
    expect(r.projection.monthlyChurn).toBeCloseTo(50.502, 3)
    expect(r.projectedLtv).toBeCloseTo(160.716, 2)
    // One month in the period: one trend point equal to the whole, one cohort (April's 35).
    expect(r.trend).toEqual([
      {
        month: '2026-04',
        from: '2026-04-01T00:00:00.000Z',
        to: '2026-05-01T00:00:00.000Z',
        customersStart: 10,
        customersNew: 35,
        customersEnd: 40,
        lost: 5,
        crr: 50,
        churn: 50,
      },
    ])
    expect(r.cohorts).toEqual([{ cohort: '2026-04', customers: 35, retained: [100] }])
    // costPerCustomer (a query-string value) comes off both LTVs: 55.56 − 20 = 35.56.
    const net = await retentionReport(db(), {
      site,
      from: '2026-04-01T00:00:00Z',
      to: '2026-05-01T00:00:00Z',
      costPerCustomer: '20',
    })
    expect(net.ltv).toBeCloseTo(2500 / 45 - 20, 10)
    expect(net.projectedLtv).toBeCloseTo(140.716, 2)
  })

  it('gives null CRR, churn and projection when nobody was active at the start (S = 0)', async () => {
    const site = 's-zero'
    await insert(db(), [
      purchase(site, '2026-03-03T10:00:00Z', 'a', 10),
      purchase(site, '2026-03-04T10:00:00Z', 'b', 30),
    ])
    const r = await retentionReport(db(), { site, from: '2026-03-01', to: '2026-04-01' })
    expect(r).toMatchObject({
      customersStart: 0,
      customersNew: 2,
      customersEnd: 2,
      lost: 0,
      crr: null,
      churn: null,
    })
    expect(r.projectedLtv).toBeNull()
    expect(r.avgDaysBetweenPurchases).toBeNull()
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/)
    // An empty site: no customers at all, still no NaN.
    const empty = await retentionReport(db(), { site: 'nobody', from: '2026-03-01', to: '2026-04-01' })
    expect(empty).toMatchObject({
      customers: 0,
      orders: 0,
      revenue: 0,
      aov: null,
      ltv: null,
      repeatPurchaseRate: null,
    })
    expect(empty.cohorts).toEqual([])
  })

  it('counts `from` inclusive and `to` exclusive, and the activity window from its first instant', async () => {
    const site = 'edges'
    // Period [2026-03-01, 2026-04-01). from − 90 days = 2025-12-01 (Mar 1 − 28 − 31 − 31);
    // to − 90 days = 2026-01-01.
    await insert(db(), [
      purchase(site, '2026-03-01T00:00:00Z', 'a', 10), // exactly at from: new, active at to
      purchase(site, '2026-04-01T00:00:00Z', 'b', 10), // exactly at to: not in this report at all
      purchase(site, '2025-12-01T00:00:00Z', 'c', 10), // exactly from − 90 d: active at from
      purchase(site, '2025-11-30T23:59:59Z', 'd', 10), // one second earlier: not active at from
    ])
    const r = await retentionReport(db(), { site, from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })
    // S = {c}, E = {a}, N = {a}, lost = {c}; CRR = (1 − 1) / 1 = 0, churn = 1 / 1 = 100.
    expect(r).toMatchObject({
      customersStart: 1,
      customersEnd: 1,
      customersNew: 1,
      lost: 1,
      crr: 0,
      churn: 100,
    })
    expect(r).toMatchObject({ customers: 3, orders: 3 }) // a, c, d — not b
    // activeDays is a query parameter: with 91 days d (Nov 30) is active at from as well.
    const wide = await retentionReport(db(), {
      site,
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      activeDays: '91',
    })
    expect(wide).toMatchObject({ activeDays: 91, customersStart: 2, lost: 2 })
  })

  it('reads periods and months in the time zone (23:30 UTC on Jan 31 is February in Berlin)', async () => {
    const site = 'berlin'
    await insert(db(), [
      purchase(site, '2026-01-31T23:30:00Z', 'late', 25), // 00:30 CET on Feb 1
      event(site, 'page.viewed', '2026-01-31T23:30:00Z', 'late'),
    ])
    // In Berlin, "2026-02-01" starts at 2026-01-31T23:00Z: the order is in the period, new.
    const berlin = await retentionReport(db(), {
      site,
      from: '2026-02-01',
      to: '2026-03-01',
      timeZone: 'Europe/Berlin',
    })
    expect(berlin).toMatchObject({ from: '2026-01-31T23:00:00.000Z', to: '2026-02-28T23:00:00.000Z' })
    expect(berlin).toMatchObject({ customersNew: 1, customersStart: 0, customersEnd: 1 })
    expect(berlin.cohorts).toEqual([{ cohort: '2026-02', customers: 1, retained: [100] }])
    expect(berlin.trend.map((t) => t.month)).toEqual(['2026-02'])
    // In UTC the same order is January's: active at the start of February, not new.
    const utc = await retentionReport(db(), { site, from: '2026-02-01', to: '2026-03-01' })
    expect(utc).toMatchObject({
      customersNew: 0,
      customersStart: 1,
      customersEnd: 1,
      lost: 0,
      crr: 100,
      churn: 0,
    })
    expect(utc.cohorts).toEqual([])
  })

  it('rejects an unknown time zone, a bad activeDays and an empty period', async () => {
    const base = { site: 'x', from: '2026-02-01', to: '2026-03-01' }
    await expect(retentionReport(db(), { ...base, timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/)
    await expect(retentionReport(db(), { ...base, activeDays: '0' })).rejects.toThrow(/activeDays/)
    await expect(retentionReport(db(), { ...base, to: '2026-02-01' })).rejects.toThrow(/before/)
  })
})
