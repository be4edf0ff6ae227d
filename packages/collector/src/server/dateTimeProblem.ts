// V8's Date.parse rolls impossible dates over (Feb 30 → Mar 1) and takes any offset, while
// PostgreSQL refuses them: every part is checked here, so the database only sees real instants.
const PARTS =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i
const MIN_TS = Date.UTC(1970, 0, 1)
const MAX_TS = Date.UTC(9999, 11, 31)
/** Real zones span −12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * Why `value` is not an ISO 8601 date-time PostgreSQL stores as the same instant, or undefined
 * when it is: a real calendar date, a time of day up to 23:59:59, an offset within ±14:00, and an
 * instant between 1970 and 9999.
 */
export function dateTimeProblem(value: unknown): string | undefined {
  const m = typeof value === 'string' ? PARTS.exec(value) : null
  if (!m) return 'must be an ISO 8601 date-time'
  const [year, month, day, hour, minute, second = 0] = m
    .slice(1, 7)
    .map((p) => (p === undefined ? 0 : Number(p)))
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!)) return 'not a real calendar date'
  if (hour! > 23 || minute! > 59 || second > 59) return 'not a real time of day'
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0
  if (Number(m[9] ?? 0) > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) return 'offset beyond ±14:00'
  const t = Date.UTC(year!, month! - 1, day!, hour!, minute!, second) - offset * 60_000
  if (!(t >= MIN_TS && t <= MAX_TS)) return 'not a date-time between 1970 and 9999'
  return undefined
}
