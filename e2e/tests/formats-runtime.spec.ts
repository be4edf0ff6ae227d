import { readFileSync } from 'node:fs'
import { posthogIssues, segmentIssues } from '../../packages/core/test/formats/shapeIssues'
import type { FixtureServer } from '../support/server'
import { expect, test } from '../support/test'

// `init()` with `format` in the config: the format's chunk loads on demand, and the runtime's
// own events (page view, identify, track) reach the pipeline's batch route in its shape.

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../packages/core/test/formats/fixtures/${name}.json`, import.meta.url), 'utf8'),
  )

type Body = Record<string, unknown> & { batch: Record<string, unknown>[] }

function stand(server: FixtureServer, path: string) {
  const hits: { url: string; body: Body }[] = []
  server.route(path, async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    hits.push({ url: req.url ?? '', body: JSON.parse(raw) })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  })
  return hits
}

type Linger = { identify(id: string, traits?: object): void; track(name: string, props?: object): void }

async function visit(
  page: import('@playwright/test').Page,
  server: FixtureServer,
  q: Record<string, string>,
) {
  await page.goto(`${server.url}/formats-runtime.html?${new URLSearchParams(q)}`)
  await expect(page.locator('#status')).toHaveText('ready')
  await page.evaluate(() => {
    const linger = (window as unknown as { linger: Linger }).linger
    linger.identify('u-1', { plan: 'pro' })
    linger.track('signup', { source: 'footer' })
  })
  // The page stays: the pipeline's own flush sends them once the format's chunk has loaded. (A
  // pagehide before that chunk loads leaves them queued for the next visit, which this page
  // never makes; pagehide delivery is covered in formats-delivery.spec.ts.)
}

test('init with format "segment": page, identify and track calls, write key in the body', async ({
  page,
  server,
}) => {
  const hits = stand(server, '/seg/v1/batch')
  await visit(page, server, { format: 'segment', endpoint: '/seg/v1/batch', key: 'wk_rt' })
  await expect
    .poll(() => hits.flatMap((h) => h.body.batch).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3)
  const calls = hits.flatMap((h) => h.body.batch)
  for (const h of hits) {
    expect(segmentIssues(h.body, fixture('segment'))).toEqual([])
    expect(h.body.writeKey).toBe('wk_rt')
  }
  expect(calls.map((c) => c.type)).toEqual(['page', 'identify', 'track'])
  const [pageCall, identify, track] = calls
  expect(identify).toMatchObject({ userId: 'u-1', traits: { plan: 'pro' } })
  expect(track).toMatchObject({
    event: 'signup',
    userId: 'u-1',
    properties: { source: 'footer', site: 'shop' },
  })
  expect(pageCall!.anonymousId).toBe(identify!.anonymousId)
  expect(new Set(calls.map((c) => c.messageId)).size).toBe(3)
})

test('init with format "posthog": $pageview, $identify and the custom event', async ({ page, server }) => {
  const hits = stand(server, '/ph/batch/')
  await visit(page, server, { format: 'posthog', endpoint: '/ph/batch/', key: 'phc_rt' })
  await expect
    .poll(() => hits.flatMap((h) => h.body.batch).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3)
  for (const h of hits) {
    expect(posthogIssues(h.body, fixture('posthog'))).toEqual([])
    expect(h.body.api_key).toBe('phc_rt')
  }
  const events = hits.flatMap((h) => h.body.batch)
  expect(events.map((e) => e.event)).toEqual(['$pageview', '$identify', 'signup'])
  const [view, identify, signup] = events
  expect(identify).toMatchObject({ distinct_id: 'u-1', properties: { $set: { plan: 'pro' } } })
  expect((identify!.properties as Record<string, unknown>).$anon_distinct_id).toBe(view!.distinct_id)
  expect(signup).toMatchObject({ distinct_id: 'u-1' })
})
