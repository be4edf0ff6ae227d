import type { LingerEvent } from '../../../core/src/types'
import type { Db } from '../db'
import { savePushSubscriptions } from '../push/savePushSubscriptions'

// One statement for the whole batch: the events travel as one jsonb parameter, so a 500-event
// batch needs no 6,000 placeholders. `on conflict do nothing` turns at-least-once delivery into
// exactly-once storage; `returning` tells which ids were new.
const INSERT = `
  insert into events (id, site, type, ts, visitor_id, session_id, user_id, campaign_id, variant, url, props)
  select id, site, type, ts, "visitorId", "sessionId", "userId", "campaignId", variant, url, coalesce(props, '{}')
  from jsonb_to_recordset($1::jsonb) as x(id text, site text, type text, ts timestamptz, "visitorId" text,
    "sessionId" text, "userId" text, "campaignId" text, variant text, url text, props jsonb)
  on conflict (id) do nothing
  returning id`

/** Stores validated events once each; returns how many were new and how many already stored. */
export async function storeBatch(
  db: Db,
  events: LingerEvent[],
  onAccepted?: (fresh: LingerEvent[]) => void,
): Promise<{ accepted: number; duplicates: number }> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 }
  let firstStored: LingerEvent[] = []
  const result = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(INSERT, [JSON.stringify(events)])
    const fresh = new Set(rows.map((r) => r.id))
    // An id repeated inside one batch is stored once; only its first copy is "new".
    const firstCopies = events.filter((e) => fresh.delete(e.id))
    await savePushSubscriptions(tx, firstCopies)
    firstStored = firstCopies
    return { accepted: rows.length, duplicates: events.length - rows.length }
  })
  // After the commit: only events stored for the first time, so a retried batch is relayed once.
  onAccepted?.(firstStored)
  return result
}
