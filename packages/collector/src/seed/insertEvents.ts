import type { Queryable } from '../db/types'

/** One row of `events`, as the seed and tests write it (`ts` ISO 8601). */
export interface EventRow {
  id: string
  site: string
  type: string
  ts: string
  visitor_id: string
  session_id: string
  user_id?: string | null
  campaign_id?: string | null
  variant?: string | null
  url: string
  props?: Record<string, unknown>
}

/**
 * Inserts rows in one statement: the batch travels as a single JSON parameter and is unpacked
 * by `jsonb_to_recordset`, which is far faster than thousands of bound parameters and has no
 * 65,535-parameter limit. Existing ids are skipped, so re-running a seed is a no-op (no conflict
 * target: the key is (site, id) since migration 105, id alone on databases migrated before it).
 */
export async function insertEvents(db: Queryable, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.query(
    `insert into events (id, site, type, ts, visitor_id, session_id, user_id, campaign_id, variant, url, props)
     select id, site, type, ts, visitor_id, session_id, user_id, campaign_id, variant, url, coalesce(props, '{}')
     from jsonb_to_recordset($1::jsonb) as x(id text, site text, type text, ts timestamptz, visitor_id text,
       session_id text, user_id text, campaign_id text, variant text, url text, props jsonb)
     on conflict do nothing`,
    [JSON.stringify(rows)],
  )
}
