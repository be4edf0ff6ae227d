import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { tokenBucket } from './tokenBucket'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Failed tokens per client: a bucket spent by each failure, and who the client is. */
export interface Throttle {
  failures: ReturnType<typeof tokenBucket>
  client: (c: Context) => string
}

/**
 * Admin routes: 503 when no token is configured (and says how to set one), 401 unless the
 * request carries `Authorization: Bearer <token>`, compared in constant time. With `throttle`,
 * a client whose failures emptied its bucket gets 429 and Retry-After, its token not even
 * compared (so a guess learns nothing), until the bucket refills; other clients are unaffected.
 */
export function bearer(adminToken: string | undefined, throttle?: Throttle): MiddlewareHandler {
  const expected = adminToken ? digest(adminToken) : undefined
  return async (c, next) => {
    if (!expected)
      return c.json({ error: 'the report is disabled: set LINGER_ADMIN_TOKEN to enable it', issues: [] }, 503)
    const client = throttle?.client(c)
    const wait = client === undefined ? 0 : throttle!.failures.wait(client)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return c.json({ error: 'too many wrong tokens from this client; try again later', issues: [] }, 429)
    }
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim()
    if (!given || !timingSafeEqual(digest(given), expected)) {
      if (client !== undefined) throttle!.failures.take(client)
      c.header('WWW-Authenticate', 'Bearer')
      return c.json({ error: 'missing or wrong bearer token', issues: [] }, 401)
    }
    await next()
  }
}
