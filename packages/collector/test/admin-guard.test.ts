// @vitest-environment node
// Finding 6 of issue 25: 1,800 wrong admin tokens in a row drew no 429, `attributionDays=1e10`
// and extreme `from`/`to` gave 500, and `from=0001-01-01&to=9999-12-31` took 5 s on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
import { type Db, openDatabase } from '../src/db'
import { createApp } from '../src/server'
import { SLOW } from './helpers/databases'

let db: Db
beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' })
}, SLOW)
afterAll(() => db.close())

describe('wrong admin tokens', () => {
  let now = 0
  const app = () => createApp({ db, adminToken: 'right', now: () => now, trustProxy: 1 })
  const ask = (a: ReturnType<typeof app>, client: string, token: string, path = '/v1/report?site=shop') =>
    a.request(path, {
      method: path === '/v1/push' ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        'x-forwarded-for': client,
        'content-type': 'application/json',
      },
      ...(path === '/v1/push' && { body: '{}' }),
    })

  it('get 429 with Retry-After after 10 failures from one client, on /v1/report and /v1/push alike', async () => {
    const a = app()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++)
      statuses.push((await ask(a, '203.0.113.5', `guess-${i}`, i % 2 ? '/v1/push' : undefined)).status)
    expect(statuses).toEqual(Array(10).fill(401))
    const limited = await ask(a, '203.0.113.5', 'guess-10')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await ask(a, '203.0.113.5', 'guess-11', '/v1/push')).status).toBe(429)
    // While throttled the token is not even compared: a right guess looks the same as a wrong one.
    expect((await ask(a, '203.0.113.5', 'right')).status).toBe(429)
  })

  it('never slow a right token from another client, and recover over time', async () => {
    const a = app()
    for (let i = 0; i < 30; i++) await ask(a, '198.51.100.66', `guess-${i}`)
    expect((await ask(a, '198.51.100.66', 'guess')).status).toBe(429)
    expect((await ask(a, '192.0.2.10', 'right')).status).toBe(200)
    now += 60_000 // a minute later: failures drain at one per 6 s
    expect((await ask(a, '198.51.100.66', 'right')).status).toBe(200)
    expect((await ask(a, '198.51.100.66', 'wrong')).status).toBe(401)
  })
})

describe('report parameters', () => {
  const app = () => createApp({ db, adminToken: 't', now: () => Date.parse('2026-03-31T00:00:00Z') })
  const get = async (query: string) => {
    const res = await app().request(`/v1/report?${query}`, { headers: { authorization: 'Bearer t' } })
    return {
      status: res.status,
      body: (await res.json()) as { error: string; issues: Array<{ path: string; message: string }> },
    }
  }
  const cases: Array<[string, string]> = [
    ['site=shop&from=0001-01-01&to=9999-12-31', 'from'],
    ['site=shop&from=2020-01-01&to=2030-01-01', 'to'], // ten years: longer than the period allowed
    ['site=shop&from=2026-02-30', 'from'],
    ['site=shop&to=2026-04-31T00:00:00Z', 'to'],
    ['site=shop&from=2026-01-01T00:00:00%2B20:00', 'from'],
    ['site=shop&from=%2B275760-09-13', 'from'],
    ['site=shop&from=Jan%201%202026', 'from'],
    ['site=shop&attributionDays=1e10', 'attributionDays'],
    ['site=shop&attributionDays=-1', 'attributionDays'],
    ['site=shop&attributionDays=2.5', 'attributionDays'],
    ['site=shop&activeDays=0', 'activeDays'],
    ['site=shop&activeDays=99999999999', 'activeDays'],
    ['site=shop&costPerCustomer=1e400', 'costPerCustomer'],
    ['site=shop&costPerCustomer=abc', 'costPerCustomer'],
    ['site=shop&timeZone=Mars/Olympus', 'timeZone'],
    ['site=shop&currency=US%24', 'currency'],
    [`site=${'s'.repeat(201)}`, 'site'],
    ['site=a%00b', 'site'],
  ]
  it.each(cases)('%s → 400 naming %s', async (query, path) => {
    const started = performance.now()
    const { status, body } = await get(query)
    expect(status).toBe(400)
    expect(body.issues.map((i) => i.path)).toContain(path)
    expect(body.error).toContain(path)
    // Refused before any query runs.
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('accepts the bounds themselves', async () => {
    for (const query of [
      'site=shop&from=2021-04-01&to=2026-03-31&attributionDays=365&activeDays=3660',
      'site=shop&from=2026-03-01T00:00:00.000Z&to=2026-03-02T00:00:00%2B14:00&costPerCustomer=12.5&timeZone=Europe/Berlin&currency=eur',
    ])
      expect((await get(query)).status, query).toBe(200)
  })
})

describe('push parameters', () => {
  it('a NUL or lone surrogate in a segment field is a 400, not a database error', async () => {
    const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@shop.example' }
    const app = createApp({ db, adminToken: 't', vapid })
    for (const body of [
      { site: 'a\u0000b', title: 'x' },
      { site: 'shop', title: 'x', campaign: '\ud800' },
      { site: 'shop', title: 'x', visitor: 'v\u0000' },
    ]) {
      const res = await app.request('/v1/push', {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})
