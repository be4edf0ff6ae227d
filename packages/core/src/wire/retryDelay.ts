/** Backoff ceiling: 5 minutes. */
export const MAX_BACKOFF_MS = 300_000

/**
 * How long to wait before retry number `attempt` (0-based): the server's `Retry-After` (seconds or
 * an HTTP date) when given, else full jitter, `random() × min(5 min, 1 s × 2^attempt)`.
 */
export function retryDelay(attempt: number, random: () => number, now: number, retryAfter?: string | null) {
  if (retryAfter) {
    const s = Number(retryAfter)
    const ms = Number.isNaN(s) ? Date.parse(retryAfter) - now : s * 1000
    // A date in the past means "now"; an unparsable header falls back to jitter.
    if (!Number.isNaN(ms)) return Math.max(0, ms)
  }
  return random() * Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt)
}
