import type { Queryable } from '../../db/types'
import { customerSql, identityJoin } from './customerSql'
import { jsonRows } from './jsonRows'
import type { Order } from './types'

/**
 * Every order of `site` placed before `to` (epoch ms), oldest first, with its customer and its
 * local month in `timeZone`. Orders come from the `orders` table (migration 102): `purchase`
 * events counted once per `props.orderId`, the earliest event winning.
 */
export async function loadOrders(
  db: Queryable,
  site: string,
  to: number,
  timeZone: string,
): Promise<Order[]> {
  const end = new Date(to).toISOString()
  const rows = await jsonRows<[string, number, number, string | null]>(
    db,
    [customerSql, '(extract(epoch from e.ts) * 1000)::float8', 'e.value', 'e.currency'],
    `from orders e ${identityJoin('$2::timestamptz')} where e.site = $1 and e.ts < $2::timestamptz`,
    [site, end],
  )
  if (rows.length === 0) return []
  rows.sort((a, b) => a[1] - b[1])
  // Month boundaries come from PostgreSQL (AT TIME ZONE knows the zone's rules); labelling each
  // order by walking them is much cheaper than to_char() on every row.
  const months = await db.query<{ label: string; start: number }>(
    `select to_char(g, 'YYYY-MM') as label, (extract(epoch from g at time zone $3) * 1000)::float8 as start
     from generate_series(
       date_trunc('month', $1::timestamptz at time zone $3),
       date_trunc('month', $2::timestamptz at time zone $3),
       interval '1 month') g
     order by g`,
    [new Date(rows[0]![1]).toISOString(), end, timeZone],
  )
  const starts = months.rows
  let m = 0
  return rows.map(([customer, ts, value, currency]) => {
    while (m + 1 < starts.length && starts[m + 1]!.start <= ts) m++
    return { customer, ts, month: starts[m]!.label, value, currency }
  })
}
