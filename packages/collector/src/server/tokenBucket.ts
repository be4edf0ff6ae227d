export interface BucketOptions {
  /** Burst size: requests a client may make at once. */
  capacity: number
  /** Tokens added back per second. */
  perSecond: number
  now?: () => number
}

/**
 * Token buckets keyed by client. `take(key)` spends one token and returns 0, or returns the
 * seconds until one is available; `wait(key)` tells the same without spending. Full buckets are
 * forgotten so memory stays bounded by the clients that are actually busy.
 */
export function tokenBucket({ capacity, perSecond, now = Date.now }: BucketOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * perSecond)
    b.at = t
  }
  const waitOf = (b: { tokens: number }) => (b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / perSecond))
  const wait = (key: string): number => {
    const b = buckets.get(key)
    if (!b) return 0
    refill(b, now())
    return waitOf(b)
  }
  const take = (key: string): number => {
    const t = now()
    if (buckets.size > 10_000) {
      for (const [k, b] of buckets) {
        refill(b, t)
        if (b.tokens >= capacity) buckets.delete(k)
      }
    }
    const b = buckets.get(key) ?? { tokens: capacity, at: t }
    refill(b, t)
    buckets.set(key, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return 0
    }
    return waitOf(b)
  }
  return { take, wait }
}
