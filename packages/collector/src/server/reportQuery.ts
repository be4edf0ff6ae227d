import type { ReportParams } from '../report'

const DAY = 86_400_000

/**
 * Reads `site`, `from`, `to` (ISO dates; default the 30 days up to now) and passes every other
 * parameter through. Returns a message instead when they make no sense.
 */
export function reportQuery(query: Record<string, string>, now: number): ReportParams | string {
  const { site, from, to, ...rest } = query
  if (!site) return 'site is required'
  const end = to ? Date.parse(to) : now
  const start = from ? Date.parse(from) : end - 30 * DAY
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'from and to must be ISO 8601 dates'
  if (start >= end) return 'from must be before to'
  return { ...rest, site, from: new Date(start).toISOString(), to: new Date(end).toISOString() }
}
