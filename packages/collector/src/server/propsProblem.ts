import { LIMITS } from './limits'
import { unstorable } from './unstorable'

/**
 * Depth of nested objects/arrays, counted no further than `limit` (so a 30,000-deep value costs
 * `limit` frames, not 30,000), or Infinity when a key or string cannot be stored.
 */
function depthOf(value: unknown, limit: number): number {
  if (typeof value === 'string') return unstorable(value) ? Number.POSITIVE_INFINITY : 0
  if (typeof value !== 'object' || value === null) return 0
  if (limit <= 0) return 1
  let max = 0
  for (const [k, v] of Object.entries(value)) {
    if (unstorable(k)) return Number.POSITIVE_INFINITY
    max = Math.max(max, depthOf(v, limit - 1))
    if (max >= limit) break
  }
  return max + 1
}

/**
 * Why an event's `props` cannot be stored, or undefined. Depth comes first: JSON.stringify (for
 * the size) recurses without a bound and overflows the stack on deep values.
 */
export function propsProblem(props: unknown): string | undefined {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return 'must be an object'
  const depth = depthOf(props, LIMITS.propsDepth + 1)
  if (depth === Number.POSITIVE_INFINITY) return 'contains NUL or an unpaired surrogate'
  if (depth > LIMITS.propsDepth) return `nested deeper than ${LIMITS.propsDepth} levels`
  if (Buffer.byteLength(JSON.stringify(props)) > LIMITS.propsBytes) return 'larger than 32 KiB'
  return undefined
}
