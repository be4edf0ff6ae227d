import type { MiddlewareHandler } from 'hono'

/**
 * CORS for the site origins listed in LINGER_ORIGINS only: they get `Access-Control-Allow-Origin`
 * (and preflights their allow-lists); any other origin gets no CORS header at all, so its
 * browser blocks the response. Beacons (`text/plain`) need no preflight but get the headers.
 */
export function cors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')))
  return async (c, next) => {
    const origin = c.req.header('origin')
    const ok = origin !== undefined && (allowed.has(origin) || allowed.has('*'))
    if (c.req.method === 'OPTIONS') {
      if (!ok) return c.body(null, 204, { Vary: 'Origin' })
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'content-type',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      })
    }
    await next()
    c.res.headers.append('Vary', 'Origin')
    if (ok) {
      c.res.headers.set('Access-Control-Allow-Origin', origin)
      // Lets the SDK read Retry-After on a cross-origin 429/503 and wait as told.
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After')
    }
  }
}
