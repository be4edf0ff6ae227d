// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../src/db'
import { createApp } from '../src/server'
import { SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'

let db: Db
beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' })
}, SLOW)
afterAll(() => db.close())

const report = '/v1/report?site=shop&from=2026-01-01&to=2026-02-01'

describe('admin token', () => {
  it('503 with the reason when no token is configured', async () => {
    const res = await createApp({ db }).request(report, { headers: { authorization: 'Bearer x' } })
    expect(res.status).toBe(503)
    expect((await res.json()).error).toContain('LINGER_ADMIN_TOKEN')
  })

  it('401 without or with a wrong token, 200 with the right one', async () => {
    const app = createApp({ db, adminToken: 'right' })
    expect((await app.request(report)).status).toBe(401)
    const wrong = await app.request(report, { headers: { authorization: 'Bearer wrong' } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer')
    expect((await app.request(report, { headers: { authorization: 'Basic right' } })).status).toBe(401)
    const ok = await app.request(report, { headers: { authorization: 'Bearer right' } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ site: 'shop', nps: { responses: 0 } })
  })

  it('400 for a report without a site or with an impossible period', async () => {
    const app = createApp({ db, adminToken: 't' })
    const get = (q: string) => app.request(`/v1/report?${q}`, { headers: { authorization: 'Bearer t' } })
    expect((await get('from=2026-01-01')).status).toBe(400)
    expect((await get('site=shop&from=yesterday')).status).toBe(400)
    const reversed = await get('site=shop&from=2026-02-01&to=2026-01-01')
    expect(reversed.status).toBe(400)
    expect((await reversed.json()).error).toBe('from must be before to')
  })

  it('defaults the period to the 30 days before now', async () => {
    const now = Date.parse('2026-03-31T00:00:00Z')
    const app = createApp({ db, adminToken: 't', now: () => now })
    const res = await app.request('/v1/report?site=shop', { headers: { authorization: 'Bearer t' } })
    expect(await res.json()).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T00:00:00.000Z',
    })
  })

  it('lists the sites it holds events for, the most recently visited first, behind the token', async () => {
    const app = createApp({ db, adminToken: 't' })
    const view = (site: string, ts: string) => ({ ...event({ type: 'page.viewed', ts }), site })
    for (const [site, ts] of [
      ['older-shop', '2026-01-02T00:00:00Z'],
      ['newer-shop', '2026-01-09T00:00:00Z'],
    ] as const)
      expect((await app.request('/v1/batch', post(batch([view(site, ts)], site)))).status).toBe(200)
    expect((await app.request('/v1/sites')).status).toBe(401)
    const res = await app.request('/v1/sites', { headers: { authorization: 'Bearer t' } })
    const { sites } = (await res.json()) as { sites: Array<{ site: string; lastPageView: string }> }
    expect(sites.filter((s) => s.site.endsWith('-shop'))).toEqual([
      { site: 'newer-shop', lastPageView: '2026-01-09T00:00:00.000Z' },
      { site: 'older-shop', lastPageView: '2026-01-02T00:00:00.000Z' },
    ])
  })

  it('guards POST /v1/push too', async () => {
    const res = await createApp({ db, adminToken: 't' }).request(
      '/v1/push',
      post({ site: 'shop', title: 'x' }),
    )
    expect(res.status).toBe(401)
  })
})

describe('CORS', () => {
  const app = () => createApp({ db, origins: ['https://shop.example'] })
  const preflight = (origin: string) =>
    app().request('/v1/batch', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })

  it('answers preflights from listed origins', async () => {
    const res = await preflight('https://shop.example')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  it('gives other origins no CORS headers at all', async () => {
    const res = await preflight('https://evil.example')
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control'))).toEqual([])
    const sent = await app().request(
      '/v1/batch',
      post(batch([event({ type: 'x' })]), 'text/plain', { origin: 'https://evil.example' }),
    )
    expect(sent.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('adds the header to a beacon (text/plain) from a listed origin', async () => {
    const res = await app().request(
      '/v1/batch',
      post(batch([event({ type: 'x' })]), 'text/plain;charset=UTF-8', { origin: 'https://shop.example' }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(res.headers.get('vary')).toContain('Origin')
    // So the SDK can read it on a 429/503 and wait as told.
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After')
  })
})

describe('rate limit', () => {
  it('answers a flood with 429 and Retry-After, and recovers as tokens refill', async () => {
    let now = 0
    const app = createApp({ db, now: () => now, rateLimit: { capacity: 3, perSecond: 1 } })
    const send = (origin = 'https://a.example') =>
      app.request('/v1/batch', post(batch([event({ type: 'x' })]), 'application/json', { origin }))
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200)
    const limited = await send()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect((await limited.json()).error).toBe('too many requests')
    expect((await send('https://b.example')).status).toBe(429) // a new Origin header is no way around it
    now += 1000
    expect((await send()).status).toBe(200)
    expect((await send()).status).toBe(429)
  })

  it('behind a trusted proxy, limits per forwarded client address, not per spoofable entry', async () => {
    const app = createApp({ db, now: () => 0, trustProxy: 1, rateLimit: { capacity: 1, perSecond: 1 } })
    const send = (xff: string) =>
      app.request(
        '/v1/batch',
        post(batch([event({ type: 'x' })]), 'application/json', { 'x-forwarded-for': xff }),
      )
    expect((await send('203.0.113.7')).status).toBe(200)
    expect((await send('203.0.113.8')).status).toBe(200) // another client behind the same balancer
    expect((await send('1.2.3.4, 203.0.113.7')).status).toBe(429) // a made-up left entry changes nothing
  })
})

describe('dashboard files', () => {
  it('serves the page, its script and style under a strict CSP, nothing else', async () => {
    const app = createApp({ db })
    const page = await app.request('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).toContain('<section id="retention"')
    expect(html).toContain('src="./dashboard.js"')
    expect((await app.request('/dashboard.js')).headers.get('content-type')).toContain('text/javascript')
    expect((await app.request('/dashboard.css')).headers.get('content-type')).toContain('text/css')
    expect((await app.request('/..%2Fcli.ts')).status).toBe(404)
    expect((await app.request('/missing.js')).status).toBe(404)
    expect((await app.request('/v1/health')).status).toBe(200)
  })
})
