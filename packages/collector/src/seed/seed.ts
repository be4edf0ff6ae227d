import type { Queryable } from '../db/types'
import { generateEvents, type SeedOptions } from './generateEvents'
import { type EventRow, insertEvents } from './insertEvents'

export interface SeedResult {
  events: number
  visitors: number
  from: string
  to: string
}

/**
 * Writes a generated shop history straight into `events` in batches of `batchSize` rows (one
 * statement each). Deterministic: the same options give the same rows, so seeding twice adds
 * nothing (ids collide and are skipped). Ends with ANALYZE, so reports get good plans at once.
 */
export async function seed(db: Queryable, options: SeedOptions, batchSize = 5000): Promise<SeedResult> {
  let batch: EventRow[] = []
  let events = 0
  for (const row of generateEvents(options)) {
    batch.push(row)
    if (batch.length >= batchSize) {
      await insertEvents(db, batch)
      events += batch.length
      batch = []
    }
  }
  await insertEvents(db, batch)
  events += batch.length
  // Statistics for the planner: PGlite runs no autovacuum, and without them a report over the
  // freshly seeded year picks nested loops that take a minute instead of a second.
  await db.exec('analyze')
  const from = new Date(options.end)
  from.setUTCMonth(from.getUTCMonth() - options.months)
  return { events, visitors: options.visitors, from: from.toISOString(), to: options.end.toISOString() }
}
