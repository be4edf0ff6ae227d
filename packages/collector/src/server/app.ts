import { getConnInfo } from '@hono/node-server/conninfo'
import type { LingerEvent } from '@linger/core/wire'
import { type Context, Hono } from 'hono'
import type { Db } from '../db'
import type { Vapid } from '../push'
import { buildReport } from '../report'
import { bearer } from './bearer'
import { cors } from './cors'
import { handleBatch } from './handleBatch'
import { handlePush } from './handlePush'
import { reportQuery } from './reportQuery'
import { serveDashboard } from './serveDashboard'
import { type BucketOptions, tokenBucket } from './tokenBucket'

export interface AppOptions {
  db: Db
  /** LINGER_ADMIN_TOKEN: guards the report and push endpoints; without it they answer 503. */
  adminToken?: string
  /** LINGER_ORIGINS: site origins allowed by CORS (`*` for any). */
  origins?: string[]
  /** Clock in ms, for the rate limiter and the report's default period. */
  now?: () => number
  /**
   * Token bucket per client address on `/v1/batch` (not per Origin: any non-browser client can
   * send a new Origin with every request); `false` turns it off.
   */
  rateLimit?: Omit<BucketOptions, 'now'> | false
  vapid?: Vapid
  /** LINGER_TRUST_PROXY: how many proxies in front of the collector append to X-Forwarded-For (default 0). */
  trustProxy?: number
  /** Used to deliver pushes (tests inject one). */
  fetch?: typeof fetch
  /** Events stored for the first time, after their batch commits (the relay's `push`). */
  onAccepted?: (fresh: LingerEvent[]) => void
}

/**
 * The client's address for rate limiting. Behind `trustProxy` proxies (a load balancer) the
 * socket is the proxy, so take the entry the outermost trusted proxy appended to
 * X-Forwarded-For; entries further left are whatever the client claimed.
 */
function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim())
    const client = hops[hops.length - trustProxy]
    if (client) return client
  }
  try {
    return getConnInfo(c).remote.address ?? '?'
  } catch {
    return '?' // app.request() in tests has no socket
  }
}

/** The collector's HTTP app (hono). Tests call `app.request(…)`; `startServer` puts it on a socket. */
export function createApp({
  db,
  adminToken,
  origins = [],
  now = Date.now,
  rateLimit = { capacity: 300, perSecond: 50 },
  vapid,
  trustProxy = 0,
  fetch: fetcher,
  onAccepted,
}: AppOptions): Hono {
  const app = new Hono()
  const take = rateLimit ? tokenBucket({ ...rateLimit, now }) : () => 0
  const admin = bearer(adminToken)

  app.onError((error, c) => {
    console.error('linger collector: unexpected error', c.req.method, c.req.path, error)
    return c.json({ error: 'internal error', issues: [] }, 500)
  })
  app.notFound((c) => c.json({ error: 'not found', issues: [] }, 404))

  app.use('/v1/batch', cors(origins))
  app.use('/v1/health', cors(origins))
  app.post('/v1/batch', (c) => {
    const wait = take(clientAddress(c, trustProxy))
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return c.json({ error: 'too many requests', issues: [] }, 429)
    }
    return handleBatch(c, db, onAccepted)
  })
  app.get('/v1/health', (c) => c.json({ ok: true }))

  app.get('/v1/report', admin, async (c) => {
    const params = reportQuery(c.req.query(), now())
    if (typeof params === 'string') return c.json({ error: params, issues: [] }, 400)
    try {
      return c.json(await buildReport(db, params))
    } catch (error) {
      // Report sections signal a bad query parameter with a RangeError.
      if (error instanceof RangeError) return c.json({ error: error.message, issues: [] }, 400)
      throw error
    }
  })
  app.post('/v1/push', admin, (c) => handlePush(c, db, vapid, fetcher))

  app.get('/', (c) => serveDashboard(c, 'index.html'))
  app.get('/:file', (c) => serveDashboard(c, c.req.param('file')))
  return app
}
