import { readFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { posthogIssues, segmentIssues } from '../../packages/core/test/formats/shapeIssues'
import type { FixtureServer } from '../support/server'
import { expect, test } from '../support/test'

// Real batches from real Chromium (IndexedDB queue, keepalive fetch, pagehide) into local
// stand-ins for each pipeline's batch route, checked against the request shapes recorded from
// the public API docs (packages/core/test/formats/fixtures).

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../packages/core/test/formats/fixtures/${name}.json`, import.meta.url), 'utf8'),
  )
const segmentDoc = fixture('segment')
const rudderDoc = fixture('rudderstack')
const posthogDoc = fixture('posthog')

type Body = Record<string, unknown> & { batch: Record<string, unknown>[] }
type Hit = { url: string; headers: IncomingHttpHeaders; raw: string; body: Body; status: number }
type Event = {
  id: string
  type: string
  ts: string
  url: string
  userId?: string
  props: Record<string, unknown>
}
/** What formats-harness.html puts on window. */
type Harness = {
  p: { flush(): Promise<void>; stats(): { queued: number } }
  log: [string, unknown][]
  sample(): Event[]
  many(count: number, pad?: number): Event[]
  track(events: Event[]): Event[]
}

/** A pipeline's batch route at `path`: logs each request, answers from `plan`, then 200. */
function stand(server: FixtureServer, path: string, plan: number[] = []) {
  const hits: Hit[] = []
  server.route(path, async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    const status = plan.shift() ?? 200
    hits.push({ url: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw), status })
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end('{}')
  })
  return hits
}

const FORMATS = {
  segment: { endpoint: '/seg/v1/batch', route: '/seg/v1/batch', idField: 'messageId' },
  rudderstack: { endpoint: '/rs', route: '/rs/beacon/v1/batch', idField: 'messageId' },
  posthog: { endpoint: '/ph/batch/', route: '/ph/batch/', idField: 'uuid' },
} as const
type Format = keyof typeof FORMATS

async function open(
  page: import('@playwright/test').Page,
  server: FixtureServer,
  format: Format,
  key: string,
) {
  const q = new URLSearchParams({ format, endpoint: FORMATS[format].endpoint, key })
  await page.goto(`${server.url}/formats-harness.html?${q}`)
  await expect(page.locator('#status')).toHaveText('ready')
}

const sendSample = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const w = window as unknown as Harness
    const events = w.track(w.sample())
    await w.p.flush()
    return events as Event[]
  })

const bytes = (s: string) => Buffer.byteLength(s)

test('segment: the HTTP Tracking API batch, field by field', async ({ page, server }) => {
  const hits = stand(server, FORMATS.segment.route)
  await open(page, server, 'segment', 'wk_live')
  const [page1, shown, identify, answered] = await sendSample(page)
  await expect.poll(() => hits.length).toBe(1)
  const { url, headers, body } = hits[0]!
  expect(url).toBe('/seg/v1/batch')
  // CORS-simple and header-free, so a beacon can carry the same request.
  expect(headers['content-type']).toBe('text/plain')
  expect(headers.authorization).toBeUndefined()
  expect(segmentIssues(body, segmentDoc)).toEqual([])
  expect(body.writeKey).toBe('wk_live')
  expect(Date.parse(body.sentAt as string)).not.toBeNaN()
  const [p, t, i, s] = body.batch
  expect(body.batch.map((c) => c.messageId)).toEqual([page1!.id, shown!.id, identify!.id, answered!.id])
  expect(p).toEqual({
    type: 'page',
    messageId: page1!.id,
    anonymousId: 'v-1',
    timestamp: page1!.ts,
    context: { page: { url: page1!.url }, library: { name: 'linger' } },
    properties: { title: 'A', referrer: '', site: 'shop', sessionId: 's-1', url: page1!.url },
  })
  expect(t).toEqual({
    type: 'track',
    event: 'campaign.shown',
    messageId: shown!.id,
    anonymousId: 'v-1',
    timestamp: shown!.ts,
    context: { page: { url: shown!.url }, library: { name: 'linger' } },
    properties: {
      trigger: 'exit-intent',
      site: 'shop',
      sessionId: 's-1',
      campaignId: 'exit-offer',
      variant: 'a',
    },
  })
  expect(i).toEqual({
    type: 'identify',
    messageId: identify!.id,
    anonymousId: 'v-1',
    userId: 'u-9',
    timestamp: identify!.ts,
    context: { page: { url: identify!.url }, library: { name: 'linger' } },
    traits: { email: 'ann@example.com', plan: 'pro' },
  })
  expect(s).toMatchObject({ type: 'track', event: 'survey.answered', userId: 'u-9', anonymousId: 'v-1' })
  expect(s!.properties).toEqual({
    survey: 'nps',
    score: 9,
    scale: 10,
    site: 'shop',
    sessionId: 's-1',
    campaignId: 'nps-main',
  })
})

test('rudderstack: the same calls to the data plane, write key in the query', async ({ page, server }) => {
  const hits = stand(server, FORMATS.rudderstack.route)
  await open(page, server, 'rudderstack', 'rk 1/2')
  const events = await sendSample(page)
  await expect.poll(() => hits.length).toBe(1)
  const { url, headers, body } = hits[0]!
  expect(url).toBe('/rs/beacon/v1/batch?writeKey=rk%201%2F2')
  expect(headers.authorization).toBeUndefined()
  expect(segmentIssues(body, rudderDoc)).toEqual([])
  expect(body.writeKey).toBeUndefined()
  expect(body.batch.map((c) => [c.type, c.messageId, c.timestamp])).toEqual(
    events.map((e, k) => [['page', 'track', 'identify', 'track'][k], e.id, e.ts]),
  )
  expect(body.batch[2]!.traits).toEqual({ email: 'ann@example.com', plan: 'pro' })
})

test('posthog: the /batch/ capture request, field by field', async ({ page, server }) => {
  const hits = stand(server, FORMATS.posthog.route)
  await open(page, server, 'posthog', 'phc_test')
  const [page1, shown, identify, answered] = await sendSample(page)
  await expect.poll(() => hits.length).toBe(1)
  const { url, body } = hits[0]!
  expect(url).toBe('/ph/batch/')
  expect(posthogIssues(body, posthogDoc)).toEqual([])
  expect(body.api_key).toBe('phc_test')
  expect(Date.parse(body.sent_at as string)).not.toBeNaN()
  const [p, t, i, s] = body.batch
  expect(p).toEqual({
    event: '$pageview',
    distinct_id: 'v-1',
    timestamp: page1!.ts,
    uuid: page1!.id,
    properties: { title: 'A', referrer: '', $current_url: page1!.url, site: 'shop', sessionId: 's-1' },
  })
  expect(t).toEqual({
    event: 'campaign.shown',
    distinct_id: 'v-1',
    timestamp: shown!.ts,
    uuid: shown!.id,
    properties: {
      trigger: 'exit-intent',
      $current_url: shown!.url,
      site: 'shop',
      sessionId: 's-1',
      campaignId: 'exit-offer',
      variant: 'a',
    },
  })
  expect(i).toEqual({
    event: '$identify',
    distinct_id: 'u-9',
    timestamp: identify!.ts,
    uuid: identify!.id,
    properties: {
      $set: { email: 'ann@example.com', plan: 'pro' },
      $anon_distinct_id: 'v-1',
      $current_url: identify!.url,
    },
  })
  expect(s).toMatchObject({ event: 'survey.answered', distinct_id: 'u-9', uuid: answered!.id })
  expect(s!.properties).toMatchObject({ $anon_distinct_id: 'v-1', score: 9, campaignId: 'nps-main' })
})

for (const format of Object.keys(FORMATS) as Format[]) {
  const { route, idField } = FORMATS[format]
  test(`${format}: a batch retried after a 503 carries the same ${idField}s, so the pipeline de-duplicates`, async ({
    page,
    server,
  }) => {
    const hits = stand(server, route, [503])
    await open(page, server, format, 'k')
    const events = await sendSample(page)
    await expect.poll(() => hits.length, { timeout: 15_000 }).toBe(2)
    const ids = hits.map((h) => h.body.batch.map((c) => c[idField]))
    expect(hits.map((h) => h.status)).toEqual([503, 200])
    expect(ids[0]).toEqual(events.map((e) => e.id))
    expect(ids[1]).toEqual(ids[0])
  })
}

test('segment: batches stay under 500 KB and 2,500 calls, a call over 32 KB is left out with a debug code', async ({
  page,
  server,
}) => {
  const hits = stand(server, FORMATS.segment.route)
  await open(page, server, 'segment', 'k')
  const { ids, big } = await page.evaluate(async () => {
    const w = window as unknown as Harness
    const events = w.many(120, 1000)
    // Under the pipeline's own 32 KiB limit as a Linger event, over Segment's 32 KB once mapped.
    const big = w.many(1, 32_500)
    w.track([...events.slice(0, 60), ...big, ...events.slice(60)])
    await w.p.flush()
    return { ids: events.map((e) => e.id), big: big[0]!.id }
  })
  await expect.poll(() => hits.flatMap((h) => h.body.batch).length).toBe(120)
  const sent = hits.flatMap((h) => h.body.batch.map((c) => c.messageId))
  expect(sent).toEqual(ids)
  expect(sent).not.toContain(big)
  for (const h of hits) {
    expect(bytes(h.raw)).toBeLessThan(64 * 1024) // the keepalive quota, far under 500 KB
    expect(bytes(h.raw)).toBeLessThan(segmentDoc.limits.batchBytes)
    expect(h.body.batch.length).toBeLessThanOrEqual(segmentDoc.limits.calls)
    for (const c of h.body.batch)
      expect(bytes(JSON.stringify(c))).toBeLessThanOrEqual(segmentDoc.limits.callBytes)
    expect(segmentIssues(h.body, segmentDoc)).toEqual([])
  }
  expect(await page.evaluate(() => (window as unknown as Harness).log)).toContainEqual(['big', 1])
})

test('posthog: the same 32 KB event goes through (PostHog allows 1 MiB per event)', async ({
  page,
  server,
}) => {
  const hits = stand(server, FORMATS.posthog.route)
  await open(page, server, 'posthog', 'k')
  const big = await page.evaluate(async () => {
    const w = window as unknown as Harness
    const big = w.track(w.many(1, 32_500))
    await w.p.flush()
    return big[0]!.id
  })
  await expect.poll(() => hits.length).toBe(1)
  expect(hits[0]!.body.batch.map((e) => e.uuid)).toEqual([big])
  expect(bytes(JSON.stringify(hits[0]!.body.batch[0]))).toBeLessThan(posthogDoc.limits.eventBytes)
})

test('segment: events tracked just before the page goes away arrive on pagehide, write key in the body', async ({
  page,
  server,
}) => {
  const hits = stand(server, FORMATS.segment.route)
  await open(page, server, 'segment', 'wk_unload')
  const events = await page.evaluate(() => {
    const w = window as unknown as Harness
    return w.track(w.sample()) as Event[]
  })
  // Let the events reach IndexedDB, as any event tracked a moment before leaving would.
  await expect.poll(() => page.evaluate(() => (window as unknown as Harness).p.stats().queued)).toBe(4)
  await page.goto(`${server.url}/blank.html`)
  await expect.poll(() => hits.length).toBeGreaterThan(0)
  expect(hits[0]!.body.writeKey).toBe('wk_unload')
  expect(hits.flatMap((h) => h.body.batch.map((c) => c.messageId))).toEqual(events.map((e) => e.id))
})
