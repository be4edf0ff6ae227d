// @vitest-environment node
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { LingerEvent } from '@linger/core/wire'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { posthogIssues, segmentIssues } from '../../core/test/formats/shapeIssues'
import { createRelay, relayFromEnv } from '../src/relay'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../core/test/formats/fixtures/${name}.json`, import.meta.url), 'utf8'))

// A local stand-in for the pipeline's batch route: logs each request, answers from `plan`.
// biome-ignore lint/suspicious/noExplicitAny: request bodies of three formats, checked field by field below.
type Hit = { url: string; headers: IncomingHttpHeaders; raw: string; body: any }
let server: Server
let base = ''
let hits: Hit[] = []
let plan: Array<number | { status: number; headers: Record<string, string> }> = []

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    hits.push({ url: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) })
    const reply = plan.shift() ?? 200
    const { status, headers } = typeof reply === 'number' ? { status: reply, headers: {} } : reply
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end('{}')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))
beforeEach(() => {
  hits = []
  plan = []
})

let n = 0
const events = (count: number, pad = 0): LingerEvent[] =>
  Array.from({ length: count }, () => ({
    id: `019b0000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    type: 'campaign.converted',
    ts: '2026-11-25T10:00:00.000Z',
    site: 'shop',
    visitorId: 'v-1',
    sessionId: 's-1',
    campaignId: 'exit-offer',
    url: 'https://shop.example/cart',
    props: { pad: 'x'.repeat(pad) },
  }))
const ids = (list: LingerEvent[]) => list.map((e) => e.id)
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`

describe('relay', () => {
  it('forwards to Segment in batches of 100, Basic auth, the documented body, ids as messageId', async () => {
    const relay = createRelay({ format: 'segment', url: `${base}/v1/batch`, writeKey: 'wk', intervalMs: 50 })
    const sent = events(250)
    relay.push(sent.slice(0, 120))
    relay.push(sent.slice(120))
    await relay.flush()
    expect(hits.map((h) => h.body.batch.length)).toEqual([100, 100, 50])
    for (const h of hits) {
      expect(h.url).toBe('/v1/batch')
      expect(h.headers.authorization).toBe(basic('wk'))
      expect(h.headers['content-type']).toBe('application/json')
      expect(segmentIssues(h.body, fixture('segment'))).toEqual([])
      expect(h.body.writeKey).toBe('wk')
    }
    expect(hits.flatMap((h) => h.body.batch.map((c: { messageId: string }) => c.messageId))).toEqual(
      ids(sent),
    )
    expect(hits[0]!.body.batch[0]).toMatchObject({
      type: 'track',
      event: 'campaign.converted',
      anonymousId: 'v-1',
      properties: { campaignId: 'exit-offer', site: 'shop' },
    })
    expect(relay.stats()).toEqual({ queued: 0, sent: 250, dropped: 0, requests: 3 })
  })

  it('sends a part batch once the interval passes, without a flush', async () => {
    const relay = createRelay({ format: 'posthog', url: base, writeKey: 'phc', intervalMs: 20 })
    const sent = events(3)
    relay.push(sent)
    await expect.poll(() => hits.length).toBe(1)
    expect(hits[0]!.url).toBe('/batch/')
    expect(hits[0]!.headers.authorization).toBeUndefined()
    expect(posthogIssues(hits[0]!.body, fixture('posthog'))).toEqual([])
    expect(hits[0]!.body.api_key).toBe('phc')
    expect(hits[0]!.body.batch.map((e: { uuid: string }) => e.uuid)).toEqual(ids(sent))
  })

  it('retries 5xx, 429 and network failures with the same ids, honouring Retry-After', async () => {
    plan = [503, { status: 429, headers: { 'retry-after': '1' } }, 500]
    let calls = 0
    // The first try never reaches the server: a network failure.
    const flaky: typeof fetch = (url, init) =>
      calls++ ? fetch(url, init) : Promise.reject(new TypeError('fetch failed'))
    const relay = createRelay({
      format: 'rudderstack',
      url: base,
      writeKey: 'rk',
      retryBaseMs: 5,
      fetch: flaky,
    })
    const sent = events(5)
    relay.push(sent)
    const t0 = Date.now()
    await relay.flush()
    expect(hits).toHaveLength(4)
    // The Retry-After second was waited out.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)
    for (const h of hits) {
      expect(h.url).toBe('/beacon/v1/batch?writeKey=rk')
      expect(segmentIssues(h.body, fixture('rudderstack'))).toEqual([])
      expect(h.body.batch.map((c: { messageId: string }) => c.messageId)).toEqual(ids(sent))
    }
    expect(relay.stats()).toMatchObject({ sent: 5, dropped: 0, requests: 5 })
  })

  it('drops a batch the pipeline rejects (4xx) and goes on with the next', async () => {
    plan = [400]
    const told: unknown[] = []
    const relay = createRelay({
      format: 'segment',
      url: base,
      writeKey: 'wk',
      maxEvents: 2,
      onError: (code, detail) => told.push([code, detail]),
    })
    relay.push(events(4))
    await relay.flush()
    expect(hits).toHaveLength(2)
    expect(told).toEqual([['rejected', { status: 400, events: 2 }]])
    expect(relay.stats()).toMatchObject({ sent: 2, dropped: 2 })
  })

  it('gives up after maxAttempts on a pipeline that stays down', async () => {
    plan = [502, 502, 502]
    const told: unknown[] = []
    const relay = createRelay({
      format: 'segment',
      url: base,
      writeKey: 'wk',
      maxAttempts: 3,
      retryBaseMs: 1,
      onError: (code) => told.push(code),
    })
    relay.push(events(1))
    await relay.flush()
    expect(hits).toHaveLength(3)
    expect(told).toEqual(['gave-up'])
  })

  it('cuts batches by bytes, under Segment’s 500 KB per request and 32 KB per call', async () => {
    const relay = createRelay({ format: 'segment', url: base, writeKey: 'wk' })
    relay.push(events(40, 30_000))
    await relay.flush()
    expect(hits.flatMap((h) => h.body.batch)).toHaveLength(40)
    expect(hits.length).toBeGreaterThan(1)
    for (const h of hits) {
      expect(Buffer.byteLength(h.raw)).toBeLessThan(fixture('segment').limits.batchBytes)
      for (const c of h.body.batch) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThanOrEqual(32768)
    }
  })

  it('holds at most maxBuffer events, dropping the oldest', async () => {
    const told: unknown[] = []
    const relay = createRelay({
      format: 'segment',
      url: base,
      writeKey: 'wk',
      maxBuffer: 10,
      intervalMs: 60_000,
      onError: (code, detail) => told.push([code, detail]),
    })
    const sent = events(15)
    relay.push(sent)
    expect(relay.stats()).toMatchObject({ queued: 10, dropped: 5 })
    await relay.flush()
    expect(hits[0]!.body.batch.map((c: { messageId: string }) => c.messageId)).toEqual(ids(sent.slice(5)))
    expect(told).toEqual([['overflow', 5]])
  })
})

describe('relayFromEnv', () => {
  it('is off without LINGER_RELAY_FORMAT and names the variable when a setting cannot work', () => {
    expect(relayFromEnv({})).toBeUndefined()
    expect(() => relayFromEnv({ LINGER_RELAY_FORMAT: 'mixpanel' })).toThrow(/LINGER_RELAY_FORMAT/)
    expect(() => relayFromEnv({ LINGER_RELAY_FORMAT: 'segment' })).toThrow(/LINGER_RELAY_WRITE_KEY/)
    expect(() => relayFromEnv({ LINGER_RELAY_FORMAT: 'rudderstack', LINGER_RELAY_WRITE_KEY: 'k' })).toThrow(
      /LINGER_RELAY_URL/,
    )
    expect(() =>
      relayFromEnv({
        LINGER_RELAY_FORMAT: 'posthog',
        LINGER_RELAY_WRITE_KEY: 'k',
        LINGER_RELAY_URL: 'ftp://x',
      }),
    ).toThrow(/LINGER_RELAY_URL/)
  })

  it('builds a working relay from the environment', async () => {
    const relay = relayFromEnv({
      LINGER_RELAY_FORMAT: 'segment',
      LINGER_RELAY_URL: `${base}/v1/batch`,
      LINGER_RELAY_WRITE_KEY: 'env-key',
    })!
    relay.push(events(2))
    await relay.close()
    expect(hits).toHaveLength(1)
    expect(hits[0]!.headers.authorization).toBe(basic('env-key'))
  })
})
