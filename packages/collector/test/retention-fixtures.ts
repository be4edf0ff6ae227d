import type { Queryable } from '../src/db/types'
import { type EventRow, insertEvents } from '../src/seed/insertEvents'

let n = 0

/** A small event builder for hand-made scenarios; ids are unique per test run. */
export function event(
  site: string,
  type: string,
  ts: string,
  visitor: string,
  extra: Partial<Omit<EventRow, 'id' | 'site' | 'type' | 'ts' | 'visitor_id'>> = {},
): EventRow {
  n++
  return { id: `t${n}`, site, type, ts, visitor_id: visitor, session_id: `${visitor}-s`, url: '/', ...extra }
}

/** A `purchase` of `value` (EUR unless given) with its own orderId unless one is given. */
export function purchase(
  site: string,
  ts: string,
  visitor: string,
  value: number,
  opts: { orderId?: string; currency?: string; user?: string } = {},
): EventRow {
  return event(site, 'purchase', ts, visitor, {
    user_id: opts.user ?? null,
    props: { orderId: opts.orderId ?? `o${n + 1}`, value, currency: opts.currency ?? 'EUR', items: [] },
  })
}

export const insert = (db: Queryable, rows: EventRow[]) => insertEvents(db, rows)
