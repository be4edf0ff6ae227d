import type { Queryable } from '../db'
import { isIsoCurrency } from './isIsoCurrency'
import type { CartsSection, ReportParams } from './types'

// A cart is a session's last `cart.updated` in the period; it is abandoned when it still holds
// items and the visitor made no purchase in that session at or after it.
const ABANDONED = `
  with last_cart as (
    select distinct on (visitor_id, session_id) visitor_id, session_id, ts, props
    from events
    where site = $1 and type = 'cart.updated' and ts >= $2 and ts < $3
    order by visitor_id, session_id, ts desc, id desc
  )
  select count(*) as n from last_cart c
  where jsonb_typeof(c.props->'items') = 'array' and jsonb_array_length(c.props->'items') > 0
    and not exists (select 1 from events p where p.site = $1 and p.type = 'purchase'
      and p.visitor_id = c.visitor_id and p.session_id = c.session_id and p.ts >= c.ts)`

// Recovered: purchases attributed to a campaign the visitor was shown — props.recoveredBy (the
// core's exposure object, or a campaign id string) or the event's campaignId — once per orderId.
// An exposure with heldOut: true means the visitor was held out: that purchase was not recovered.
const RECOVERED = `
  select currency, count(*) as n, sum(value) as value from (
    select distinct on (coalesce(props->>'orderId', id)) upper(nullif(trim(props->>'currency'), '')) as currency,
      case when jsonb_typeof(props->'value') = 'number' then (props->>'value')::float8 else 0 end as value
    from events
    where site = $1 and type = 'purchase' and ts >= $2 and ts < $3
      and (campaign_id is not null or jsonb_typeof(props->'recoveredBy') = 'string'
        or (jsonb_typeof(props->'recoveredBy') = 'object' and props->'recoveredBy'->'heldOut' is distinct from 'true'))
    order by coalesce(props->>'orderId', id), ts, id
  ) r group by currency order by n desc, currency nulls last`

/**
 * Carts abandoned and recovered in the period. `recoveredValue` sums the recovered orders in
 * the most frequent ISO 4217 currency among them (`currency`), or those without a currency
 * when that is more frequent; orders in other currencies still count in `recovered`. Currencies
 * that are not ISO codes ("€", "US$") are never `currency`: their orders and value are listed
 * apart in `unknownCurrencies`, grouped trimmed and upper-cased as the orders table keys them.
 */
export async function cartsReport(db: Queryable, { site, from, to }: ReportParams): Promise<CartsSection> {
  const args = [site, from, to]
  const abandoned = (await db.query<{ n: number }>(ABANDONED, args)).rows[0]?.n ?? 0
  const byCurrency = (await db.query<{ currency: string | null; n: number; value: number }>(RECOVERED, args))
    .rows
  const main = byCurrency.find((r) => r.currency === null || isIsoCurrency(r.currency))
  return {
    abandoned,
    recovered: byCurrency.reduce((sum, r) => sum + r.n, 0),
    recoveredValue: main?.value ?? 0,
    currency: main?.currency ?? null,
    unknownCurrencies: byCurrency
      .filter((r) => r.currency !== null && !isIsoCurrency(r.currency))
      .map((r) => ({ currency: r.currency!, recovered: r.n, value: r.value })),
  }
}
