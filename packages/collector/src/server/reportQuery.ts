import type { ReportParams } from '../report'
import { isIsoCurrency } from '../report/isIsoCurrency'
import { REPORT_LIMITS as L } from '../report/reportLimits'
import { dateTimeProblem } from './dateTimeProblem'
import { unstorable } from './unstorable'
import type { Issue } from './validateBatch'

const DAY = 86_400_000
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A date (`YYYY-MM-DD`, midnight UTC) or an ISO 8601 date-time with Z or an offset, as epoch ms. */
function instant(value: string, path: string, add: (path: string, message: string) => void): number {
  const problem = dateTimeProblem(DATE.test(value) ? `${value}T00:00:00Z` : value)
  if (problem) {
    add(path, `${problem} (a date YYYY-MM-DD, or an ISO 8601 date-time with Z or an offset)`)
    return Number.NaN
  }
  return Date.parse(value)
}

const integer = (v: string, { min, max }: { min: number; max: number }) =>
  /^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max

/**
 * Checks every parameter of `GET /v1/report` before any query runs: `site`, `from`/`to` (real
 * dates from 1970 on, `from` before `to`, at most five years apart; default the 30 days up to
 * now), `attributionDays`, `activeDays`, `costPerCustomer`, `timeZone`, `currency`. Returns
 * the parameters (dates as ISO instants) or the issues, each naming its parameter.
 */
export function reportQuery(
  query: Record<string, string>,
  now: number,
): { params: ReportParams; issues?: never } | { params?: never; issues: Issue[] } {
  const issues: Issue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })
  const { site, from, to, attributionDays, activeDays, costPerCustomer, timeZone, currency } = query
  if (!site) add('site', 'is required')
  else if (site.length > L.text || unstorable(site))
    add('site', `must be a site id of at most ${L.text} characters`)
  const end = to ? instant(to, 'to', add) : now
  const start = from ? instant(from, 'from', add) : end - 30 * DAY
  if (start >= end) add('from', 'must be before to')
  else if (end - start > L.periodDays * DAY) add('to', `must be at most ${L.periodDays} days after from`)
  if (attributionDays !== undefined && !integer(attributionDays, L.attributionDays))
    add(
      'attributionDays',
      `must be a whole number of days from ${L.attributionDays.min} to ${L.attributionDays.max}`,
    )
  if (activeDays !== undefined && !integer(activeDays, L.activeDays))
    add('activeDays', `must be a whole number of days from ${L.activeDays.min} to ${L.activeDays.max}`)
  if (
    costPerCustomer !== undefined &&
    !(
      /^-?\d{1,12}(\.\d{1,6})?$/.test(costPerCustomer) &&
      Math.abs(Number(costPerCustomer)) <= L.costPerCustomer
    )
  )
    add('costPerCustomer', `must be a number from −${L.costPerCustomer} to ${L.costPerCustomer}`)
  if (timeZone !== undefined && !validZone(timeZone))
    add('timeZone', 'must be an IANA time zone such as Europe/Berlin')
  if (currency !== undefined && currency !== '' && !isIsoCurrency(currency))
    add('currency', 'must be an ISO 4217 code such as EUR')
  if (issues.length) return { issues }
  const known = { attributionDays, activeDays, costPerCustomer, timeZone, currency }
  return {
    params: {
      ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined)),
      site: site!,
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    },
  }
}

function validZone(zone: string): boolean {
  if (zone.length > L.text) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
