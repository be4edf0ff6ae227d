// `format` in the script tag's config, in each engine: the format's chunk loads, and the page
// view, identify and a custom event reach a stand-in for the pipeline's batch route in its
// documented shape (the fixtures recorded from Segment's and PostHog's API docs), through a
// failed first attempt, each call once.
import { readFileSync } from 'node:fs'
import { posthogIssues, segmentIssues } from '../../../packages/core/test/formats/shapeIssues'
import { lingerPage } from '../support/lingerPage'
import { expect, type Site, test } from '../support/test'

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../../packages/core/test/formats/fixtures/${name}.json`, import.meta.url),
      'utf8',
    ),
  )

type Body = Record<string, unknown> & { batch: Record<string, unknown>[] }

/** The pipeline's batch route at `path`: answers 503 to the first request, then 200; logs the accepted ones. */
function stand(site: Site, path: string) {
  const accepted: Array<{ contentType: string; body: Body }> = []
  let requests = 0
  site.server.route(path, async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    const status = requests++ === 0 ? 503 : 200
    if (status === 200)
      accepted.push({ contentType: req.headers['content-type'] ?? '', body: JSON.parse(raw) })
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}')
  })
  return { accepted, requests: () => requests }
}

const visit = async (site: Site, format: string, endpoint: string, writeKey: string) => {
  site.page(
    '/f.html',
    lingerPage({ config: { version: 1, site: 'shop', endpoint, format, writeKey, campaigns: [] } }),
  )
  const tab = await site.open('/f.html')
  await tab.evaluate(() => {
    const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
    linger('identify', 'u-1', { plan: 'pro' })
    linger('track', 'signup', { source: 'footer' })
  })
  return tab
}

test('format "segment": page, identify and track calls in the HTTP Tracking API shape, write key in the body', async ({
  site,
}) => {
  const route = stand(site, '/seg/v1/batch')
  await visit(site, 'segment', '/seg/v1/batch', 'wk_engines')
  const calls = () => route.accepted.flatMap((h) => h.body.batch)
  await expect.poll(() => calls().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  expect(route.requests()).toBeGreaterThan(route.accepted.length) // the 503 was retried
  for (const { contentType, body } of route.accepted) {
    // CORS-simple, so a beacon can carry the same request.
    expect(contentType).toBe('text/plain')
    expect(segmentIssues(body, fixture('segment'))).toEqual([])
    expect(body.writeKey).toBe('wk_engines')
  }
  expect(calls().map((c) => c.type)).toEqual(['page', 'identify', 'track'])
  const [page, identify, track] = calls()
  expect(identify).toMatchObject({ userId: 'u-1', traits: { plan: 'pro' } })
  expect(track).toMatchObject({
    event: 'signup',
    userId: 'u-1',
    properties: { source: 'footer', site: 'shop' },
  })
  expect(page!.anonymousId).toBe(identify!.anonymousId)
  expect(new Set(calls().map((c) => c.messageId)).size).toBe(3)
})

test('format "posthog": $pageview, $identify and the custom event in the /batch shape, api_key in the body', async ({
  site,
}) => {
  const route = stand(site, '/ph/batch/')
  await visit(site, 'posthog', '/ph/batch/', 'phc_engines')
  const events = () => route.accepted.flatMap((h) => h.body.batch)
  await expect.poll(() => events().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  expect(route.requests()).toBeGreaterThan(route.accepted.length)
  for (const { body } of route.accepted) {
    expect(posthogIssues(body, fixture('posthog'))).toEqual([])
    expect(body.api_key).toBe('phc_engines')
  }
  expect(events().map((e) => e.event)).toEqual(['$pageview', '$identify', 'signup'])
  const [view, identify, signup] = events()
  expect(identify).toMatchObject({ distinct_id: 'u-1', properties: { $set: { plan: 'pro' } } })
  expect((identify!.properties as Record<string, unknown>).$anon_distinct_id).toBe(view!.distinct_id)
  expect(signup).toMatchObject({ distinct_id: 'u-1' })
  expect(new Set(events().map((e) => e.uuid)).size).toBe(3)
})
