import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'

type Harness = { t(n?: number): string[]; stored(): Promise<string[]>; log: [string, unknown][] }
const open = async (page: Page, url: string) => {
  await page.goto(url)
  await expect(page.locator('#status')).toHaveText('ready')
}
const track = (page: Page, n: number) => page.evaluate((k) => (window as unknown as Harness).t(k), n)
const stored = (page: Page) => page.evaluate(() => (window as unknown as Harness).stored())

test('endpoint offline: events stay in IndexedDB, then all arrive once it is back', async ({
  page,
  server,
}) => {
  server.endpoint.always({ drop: true })
  await open(page, `${server.url}/pipeline-harness.html`)
  const ids = await track(page, 20)
  await server.endpoint.waitFor(() => server.endpoint.requests.length >= 2)
  await expect.poll(() => stored(page)).toEqual(ids)
  expect(server.endpoint.uniqueEvents()).toHaveLength(0)
  server.endpoint.always({ status: 200 })
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 20)
  expect(server.endpoint.uniqueEvents().map((e) => e.id)).toEqual(ids)
  await expect.poll(() => stored(page)).toEqual([])
})

test('5xx three times, then 200: delivered once, then quiet', async ({ page, server }) => {
  server.endpoint.next({ status: 500 }, 2)
  server.endpoint.next({ status: 503 })
  await open(page, `${server.url}/pipeline-harness.html`)
  const ids = await track(page, 5)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 5)
  await expect.poll(() => stored(page)).toEqual([])
  const statuses = server.endpoint.requests.map((r) => ('status' in r.reply ? r.reply.status : 0))
  const sent = server.endpoint.requests.map((r) => JSON.parse(r.body).events.map((e: { id: string }) => e.id))
  // The same batch three times; a batch failing with a 5xx three times in a row is then sent one
  // event at a time (the search for a poison event), each taken once.
  expect(statuses).toEqual([500, 500, 503, 200, 200, 200, 200, 200])
  expect(sent).toEqual([ids, ids, ids, ...ids.map((id) => [id])])
  // Quiet once acknowledged: no request after the last 200.
  expect(server.endpoint.requests).toHaveLength(8)
  expect(server.endpoint.acceptedEvents()).toHaveLength(5)
})

test('429 with Retry-After: 2 — nothing is sent again before 2 s', async ({ page, server }) => {
  server.endpoint.next({ status: 429, headers: { 'retry-after': '2' } })
  // random=0: without Retry-After the retry would be immediate.
  await open(page, `${server.url}/pipeline-harness.html?random=0`)
  await track(page, 3)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 3)
  const [first, second] = server.endpoint.requests
  expect(server.endpoint.requests).toHaveLength(2)
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(2000)
  expect(second!.at - first!.at).toBeLessThan(4000)
})

test('400 drops the batch and never retries it', async ({ page, server }) => {
  server.endpoint.next({ status: 400 })
  await open(page, `${server.url}/pipeline-harness.html?random=0`)
  await track(page, 2)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Harness).log.some(([c]) => c === 'reject')))
    .toBe(true)
  await expect.poll(() => stored(page)).toEqual([])
  const next = await track(page, 1)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 1)
  expect(server.endpoint.uniqueEvents().map((e) => e.id)).toEqual(next)
  expect(server.endpoint.requests).toHaveLength(2)
})

test('413 halves the batch until it is accepted', async ({ page, server }) => {
  server.route('/collect', async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const size = JSON.parse(Buffer.concat(chunks).toString()).events.length
    // Let the logging endpoint record it; answer 413 for batches over 10 events.
    server.endpoint.next(size > 10 ? { status: 413 } : { status: 200 })
    const { Readable } = await import('node:stream')
    await server.endpoint.handle(
      Object.assign(Readable.from(chunks), { headers: req.headers, socket: req.socket }) as never,
      res,
    )
  })
  await open(page, `${server.url}/pipeline-harness.html?interval=60000`)
  const ids = await track(page, 40)
  await page.evaluate(() => (window as unknown as { p: { flush(): Promise<void> } }).p.flush())
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length === 40)
  const sizes = server.endpoint.requests.map((r) => JSON.parse(r.body).events.length)
  expect(sizes.slice(0, 3)).toEqual([40, 20, 10])
  expect(Math.max(...sizes.slice(2))).toBeLessThanOrEqual(10)
  expect(new Set(server.endpoint.uniqueEvents().map((e) => e.id))).toEqual(new Set(ids))
})
