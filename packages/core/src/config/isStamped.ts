import type { LingerConfig } from '../types'
import { configHash } from './configHash'

/**
 * True when `input` carries a `$stamp` that matches its content: the validator passed this very
 * config (defaults filled in, nothing to drop), so the page may skip the validator. The checks
 * that keep a hostile config harmless (link schemes, the ReDoS guard, CSS values) do not rely
 * on this: they run where the value is used.
 */
export const isStamped = (input: unknown): input is LingerConfig => {
  try {
    const c = input as Record<string, unknown>
    return typeof c?.$stamp === 'string' && c.$stamp === configHash(c)
  } catch {
    // A hand-built object (a throwing getter, a cycle) is not a stamped file: validate it.
    return false
  }
}
