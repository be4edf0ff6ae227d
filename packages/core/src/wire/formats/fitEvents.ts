import { byteLength } from '../../pipeline/byteLength'

/**
 * Each event mapped and serialised, leaving out those over `max` bytes: the pipeline drops Linger
 * events over 32 KiB, but a mapping adds a few hundred bytes, and Segment and RudderStack answer
 * a whole batch with 400 when one call in it passes 32 KB. Returns the JSON array text.
 */
export function fitEvents<E>(
  events: E[],
  map: (e: E) => unknown,
  max: number,
  onDebug?: (code: string, n: number) => void,
) {
  const out: string[] = []
  for (const e of events) {
    const json = JSON.stringify(map(e))
    if (byteLength(json) <= max) out.push(json)
  }
  if (out.length < events.length) onDebug?.('big', events.length - out.length)
  return `[${out.join(',')}]`
}
