import type { LingerEvent } from '../types'

/**
 * A queued event with its JSON size in bytes; `s`: 1 = written to the store, 2 = the store refused
 * it (kept in memory), unset = not written yet; `f` = in a request now.
 */
export type QueuedEvent = { e: LingerEvent; n: number; s?: number; f?: boolean }

/** The longest prefix of `list` with at most `maxCount` events whose JSON fits in `maxBytes`. */
export function packBatch(list: QueuedEvent[], maxCount: number, maxBytes: number, overhead: number) {
  const batch: QueuedEvent[] = []
  let bytes = overhead
  for (const r of list) {
    bytes += r.n + 1
    if (batch.length >= maxCount || bytes > maxBytes) break
    batch.push(r)
  }
  return batch
}
