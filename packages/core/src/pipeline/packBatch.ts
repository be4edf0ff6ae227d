import type { QueuedEvent } from './QueuedEvent'

/** The longest prefix of `list` with at most `maxCount` events whose JSON fits in `maxBytes`. */
export function packBatch(list: QueuedEvent[], maxCount: number, maxBytes: number, overhead: number) {
  const batch: QueuedEvent[] = []
  let bytes = overhead
  for (const r of list) {
    bytes += r._bytes + 1
    if (batch.length >= maxCount || bytes > maxBytes) break
    batch.push(r)
  }
  return batch
}
