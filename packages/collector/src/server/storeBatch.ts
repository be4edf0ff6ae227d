import type { Batch, LingerEvent } from '@linger/core/wire'
import type { Db } from '../db'
import { savePushSubscriptions } from '../push/savePushSubscriptions'

// One statement for the whole batch: the events travel as one jsonb parameter, so a 500-event
// batch needs no 6,000 placeholders. `on conflict do nothing` turns at-least-once delivery into
// exactly-once storage, per site (migration 105); `returning` tells which ids were new (a
// validated batch holds one site).
const INSERT = `
  insert into events (id, site, type, ts, visitor_id, session_id, user_id, campaign_id, variant, url, props)
  select id, site, type, ts, "visitorId", "sessionId", "userId", "campaignId", variant, url, coalesce(props, '{}')
  from jsonb_to_recordset($1::jsonb) as x(id text, site text, type text, ts timestamptz, "visitorId" text,
    "sessionId" text, "userId" text, "campaignId" text, variant text, url text, props jsonb)
  on conflict (site, id) do nothing
  returning id`

// The batch's first event id keys its drop report, so the same batch sent again counts once.
const DROPS = `
  insert into device_drops (site, batch_key, dropped) values ($1, $2, $3)
  on conflict (site, batch_key) do nothing`

/**
 * Stores a validated batch's events once each, and the count of events its device dropped;
 * returns how many events were new and how many already stored.
 */
export async function storeBatch(
  db: Db,
  { site, events, dropped }: Batch,
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
    if (dropped) await tx.query(DROPS, [site, events[0]!.id, dropped])
    firstStored = firstCopies
    return { accepted: rows.length, duplicates: events.length - rows.length }
  })
  // After the commit: only events stored for the first time, so a retried batch is relayed once.
  onAccepted?.(firstStored)
  return result
}
