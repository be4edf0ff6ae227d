import type { Queryable } from '../db/types'
import { customerSql, identityJoin, numberSql } from './customerSql'
import type { Order } from './types'

/**
 * Every order of `site` placed before `to` (epoch ms), oldest first: `purchase` events counted
 * once per `props.orderId` (the earliest event wins; one without an orderId is its own order),
 * each with its customer and its local month in `timeZone`.
 */
export async function loadOrders(
  db: Queryable,
  site: string,
  to: number,
  timeZone: string,
): Promise<Order[]> {
  const { rows } = await db.query<Order>(
    `with p as (
       select distinct on (coalesce('o:' || (props->>'orderId'), 'e:' || id)) *
       from events
       where site = $1 and type = 'purchase' and ts < $2::timestamptz
       order by coalesce('o:' || (props->>'orderId'), 'e:' || id), ts, id
     )
     select ${customerSql} as customer, (extract(epoch from e.ts) * 1000)::float8 as ts,
       to_char(e.ts at time zone $3, 'YYYY-MM') as month,
       coalesce(${numberSql("e.props->'value'")}, 0) as value,
       upper(nullif(trim(e.props->>'currency'), '')) as currency
     from p e ${identityJoin('$2::timestamptz')}
     order by e.ts, e.id`,
    [site, new Date(to).toISOString(), timeZone],
  )
  return rows
}
