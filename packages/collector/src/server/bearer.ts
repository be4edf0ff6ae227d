import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * Admin routes: 503 when no token is configured (and says how to set one), 401 unless the
 * request carries `Authorization: Bearer <token>`. Compared in constant time.
 */
export function bearer(adminToken: string | undefined): MiddlewareHandler {
  const expected = adminToken ? digest(adminToken) : undefined
  return async (c, next) => {
    if (!expected)
      return c.json({ error: 'the report is disabled: set LINGER_ADMIN_TOKEN to enable it', issues: [] }, 503)
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim()
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer')
      return c.json({ error: 'missing or wrong bearer token', issues: [] }, 401)
    }
    await next()
  }
}
