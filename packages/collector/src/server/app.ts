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
import { listSites } from './listSites'
import { reportQuery } from './reportQuery'
import { serveDashboard } from './serveDashboard'
import { type BucketOptions, tokenBucket } from './tokenBucket'
import { writeOrigins } from './writeOrigins'

export interface AppOptions {
  db: Db
  /** LINGER_ADMIN_TOKEN: guards the report and push endpoints; without it they answer 503. */
  adminToken?: string
  /**
   * LINGER_ORIGINS: who may write. `https://shop.example` (any site), `shop=https://shop.example`
   * (that site only), `*` (anyone). Ingest enforces the list on the `Origin` header and CORS
   * allows the origins named; without a list, ingest is open (a local demo).
   */
  origins?: string[]
  /** Clock in ms, for the rate limiter and the report's default period. */
  now?: () => number
  /**
   * Token bucket per client address on `/v1/batch` (not per Origin: any non-browser client can
   * send a new Origin with every request); `false` turns it off.
   */
  rateLimit?: Omit<BucketOptions, 'now'> | false
  /**
   * Wrong admin tokens per client address on `/v1/report`, `/v1/push` and `/v1/sites` before 429 (default 10,
   * one more every 6 s); `false` turns it off.
   */
  adminThrottle?: Omit<BucketOptions, 'now'> | false
  vapid?: Vapid
  /**
   * LINGER_PUSH_TEST_ORIGINS: origins of a local mock push service (http, loopback) that
   * `push.subscribed` and the push sender accept; real push services are https and public.
   */
  pushTestOrigins?: string[]
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
  adminThrottle = { capacity: 10, perSecond: 1 / 6 },
  vapid,
  pushTestOrigins = [],
  trustProxy = 0,
  fetch: fetcher,
  onAccepted,
}: AppOptions): Hono {
  const app = new Hono()
  const take = rateLimit ? tokenBucket({ ...rateLimit, now }).take : () => 0
  const admin = bearer(
    adminToken,
    adminThrottle
      ? { failures: tokenBucket({ ...adminThrottle, now }), client: (c) => clientAddress(c, trustProxy) }
      : undefined,
  )
  const writers = writeOrigins(origins)
  const testOrigins = new Set(pushTestOrigins.map((o) => new URL(o).origin))

  app.onError((error, c) => {
    console.error('linger collector: unexpected error', c.req.method, c.req.path, error)
    return c.json({ error: 'internal error', issues: [] }, 500)
  })
  app.notFound((c) => c.json({ error: 'not found', issues: [] }, 404))

  app.use('/v1/batch', cors(writers.cors))
  app.use('/v1/health', cors(writers.cors))
  app.post('/v1/batch', (c) => {
    const wait = take(clientAddress(c, trustProxy))
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return c.json({ error: 'too many requests', issues: [] }, 429)
    }
    return handleBatch(c, db, { onAccepted, pushTestOrigins: testOrigins, writers })
  })
  app.get('/v1/health', (c) => c.json({ ok: true }))

  app.get('/v1/report', admin, async (c) => {
    const { params, issues } = reportQuery(c.req.query(), now())
    if (!params) return c.json({ error: `${issues[0]!.path} ${issues[0]!.message}`, issues }, 400)
    try {
      return c.json(await buildReport(db, params))
    } catch (error) {
      // Report sections signal a bad query parameter with a RangeError.
      if (error instanceof RangeError) return c.json({ error: error.message, issues: [] }, 400)
      throw error
    }
  })
  app.post('/v1/push', admin, (c) => handlePush(c, db, { vapid, fetch: fetcher, testOrigins }))
  app.get('/v1/sites', admin, async (c) => c.json(await listSites(db)))

  app.get('/', (c) => serveDashboard(c, 'index.html'))
  app.get('/:file', (c) => serveDashboard(c, c.req.param('file')))
  return app
}
