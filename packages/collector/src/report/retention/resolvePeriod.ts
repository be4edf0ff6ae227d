import type { Queryable } from '../../db/types'
import type { Span } from './types'

// An ISO string that names an instant ends with Z or an offset after the time of day; anything
// else ("2026-02-01", "2026-02-01T00:00") is a wall-clock time in the report's zone.
const instant = /\d\d:\d\d(:\d\d(\.\d+)?)?\s*(z|[+-]\d\d(:?\d\d)?)$/i

const bound = (param: string, value: string) =>
  instant.test(value) ? `${param}::timestamptz` : `(${param}::timestamp at time zone $3)`

const ms = (sql: string) => `(extract(epoch from ${sql}) * 1000)::float8`
const lookback = (sql: string) => ms(`((${sql} at time zone $3) - make_interval(days => $4)) at time zone $3`)

/**
 * Turns `from`/`to` into instants and splits the period into local calendar months of
 * `timeZone`, each clipped to the period. The first row is the whole period. Every boundary
 * carries its activity-window start (`activeDays` local days earlier), computed by PostgreSQL
 * so DST and month lengths follow the IANA zone.
 */
export async function resolvePeriod(
  db: Queryable,
  from: string,
  to: string,
  timeZone: string,
  activeDays: number,
): Promise<Span[]> {
  const { rows } = await db.query<Span>(
    `with b as (select ${bound('$1', from)} as f, ${bound('$2', to)} as t),
     spans as (
       select 0 as n, 'period' as label, f as s, t as e from b
       union all
       select 1, to_char(g, 'YYYY-MM'), greatest(g at time zone $3, f), least((g + interval '1 month') at time zone $3, t)
       from b, generate_series(
         date_trunc('month', f at time zone $3),
         date_trunc('month', (t at time zone $3) - interval '1 microsecond'),
         interval '1 month') g
       where f < t
     )
     select label, ${ms('s')} as "start", ${ms('e')} as "end",
       ${lookback('s')} as "startLookback", ${lookback('e')} as "endLookback"
     from spans order by n, s`,
    [from, to, timeZone, activeDays],
  )
  const period = rows[0]
  if (!period || !(period.start < period.end)) throw new RangeError('retention: `from` must be before `to`')
  return rows
}
