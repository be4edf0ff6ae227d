import type { Queryable } from '../../db/types'
import { isIsoCurrency } from '../isIsoCurrency'
import { REPORT_LIMITS } from '../reportLimits'
import { percent } from '../stats'
import { activity } from './activity'
import { campaignSegments } from './campaignSegments'
import { cohorts } from './cohorts'
import { emailSegments } from './emailSegments'
import { groupByCustomer } from './groupByCustomer'
import { loadOrders } from './loadOrders'
import { loadSegmentData } from './loadSegmentData'
import { npsSegments } from './npsSegments'
import { projectLtv } from './projectLtv'
import { resolvePeriod } from './resolvePeriod'
import { splitCurrencies } from './splitCurrencies'
import type { RetentionParams, RetentionReport } from './types'

/** Query-string form: the report route passes every parameter as a string. */
type Params = Omit<RetentionParams, 'activeDays' | 'costPerCustomer'> & {
  activeDays?: number | string
  costPerCustomer?: number | string
}

const iso = (ms: number) => new Date(ms).toISOString()

function readParams(params: Params) {
  const { min, max, default: fallback } = REPORT_LIMITS.activeDays
  const activeDays =
    params.activeDays === undefined || params.activeDays === '' ? fallback : Number(params.activeDays)
  if (!Number.isInteger(activeDays) || activeDays < min || activeDays > max)
    throw new RangeError(`retention: activeDays must be a whole number of days from ${min} to ${max}`)
  const timeZone = params.timeZone || 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(
      `retention: unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as Europe/Berlin)`,
    )
  }
  const cost =
    params.costPerCustomer === undefined || params.costPerCustomer === '' ? 0 : Number(params.costPerCustomer)
  if (!Number.isFinite(cost)) throw new RangeError('retention: costPerCustomer must be a number')
  if (params.currency && !isIsoCurrency(params.currency))
    throw new RangeError('retention: currency must be an ISO 4217 code such as EUR')
  return { activeDays, timeZone, cost }
}

/**
 * `report.retention` for `site` and [`from`, `to`): CRR, churn, repeat purchases, revenue, AOV,
 * LTV (and a labelled projection), cohorts, a monthly trend and segments — see docs/contract.md →
 * Collector → report → retention. Periods and months follow `timeZone`; money is in one currency.
 */
export async function retentionReport(db: Queryable, params: Params): Promise<RetentionReport> {
  const { activeDays, timeZone, cost } = readParams(params)
  const [period, ...months] = await resolvePeriod(db, params.from, params.to, timeZone, activeDays)
  const p = period!
  // Independent reads: on PostgreSQL they run on separate pooled connections at once.
  const [orders, segmentData] = await Promise.all([
    loadOrders(db, params.site, p.end, timeZone),
    loadSegmentData(db, params.site, p.start, p.end),
  ])
  const customers = groupByCustomer(orders)

  const { totals, unknown } = splitCurrencies(orders, params.currency)
  const [main, ...others] = totals
  const currency = main ? main.currency : params.currency?.trim().toUpperCase() || null
  const revenue = main?.revenue ?? 0
  const aov = main?.orders ? revenue / main.orders : null
  const ltv = main?.customers ? revenue / main.customers - cost : null

  let repeaters = 0
  let gaps = 0
  let gapDays = 0
  for (const list of customers.values()) {
    if (list.length >= 2) repeaters++
    for (let i = 1; i < list.length; i++) {
      gaps++
      gapDays += (list[i]!.ts - list[i - 1]!.ts) / 86_400_000
    }
  }

  const now = activity(customers, p)
  const ordersInPeriod = orders.filter((o) => o.ts >= p.start).length
  const { projectedLtv, projection } = projectLtv({
    aov,
    ordersInPeriod,
    customersStart: now.customersStart,
    customersEnd: now.customersEnd,
    churn: now.churn,
    periodMs: p.end - p.start,
  })

  return {
    activeDays,
    timeZone,
    from: iso(p.start),
    to: iso(p.end),
    ...now,
    customers: customers.size,
    orders: orders.length,
    repeatPurchaseRate: percent(repeaters, customers.size),
    currency,
    revenue,
    aov,
    ltv,
    projectedLtv: projectedLtv === null ? null : projectedLtv - cost,
    projection,
    avgDaysBetweenPurchases: gaps ? gapDays / gaps : null,
    otherCurrencies: others,
    unknownCurrencies: unknown,
    cohorts: cohorts(
      customers,
      months.map((m) => m.label),
    ),
    trend: months.map((m) => ({
      month: m.label,
      from: iso(m.start),
      to: iso(m.end),
      ...activity(customers, m),
    })),
    segments: {
      campaigns: campaignSegments(segmentData.exposures, customers, currency),
      nps: npsSegments(segmentData.nps, customers, currency),
      email: emailSegments(segmentData.withEmail, customers, currency),
    },
  }
}
