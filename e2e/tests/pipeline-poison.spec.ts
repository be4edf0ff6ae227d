// A poison batch can't stall a device (issue 25, point 2): an endpoint that answers 500 to any
// batch holding one marked event. The pipeline (real IndexedDB, fetch and Chromium) finds that
// event, drops it as `poison`, reports it in a later batch's `dropped`, and delivers the rest.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { expect, test } from '../support/test'

type Harness = {
  t(n?: number, type?: string): string[]
  p: { stats(): { droppedBy: Record<string, number> } }
}

test('an event the endpoint always fails on is dropped as poison; the rest arrive, and the drop is reported', async ({
  page,
  server,
}) => {
  const taken = new Map<string, string>()
  let dropped = 0
  let refused = 0
  server.route('/collect', async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      events: Array<{ id: string; type: string }>
      dropped?: number
    }
    // Like a collector that chokes on one input (issue 25): a 500 with no Retry-After.
    if (batch.events.some((e) => e.type === 'poison')) {
      refused++
      return void res.writeHead(500).end()
    }
    for (const e of batch.events) taken.set(e.id, e.type)
    dropped += batch.dropped ?? 0
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  await page.goto(`${server.url}/pipeline-harness.html?interval=200&batch=50&random=0.05`)
  await expect(page.locator('#status')).toHaveText('ready')
  const ids = await page.evaluate(() => {
    const h = window as unknown as Harness
    return [...h.t(12), ...h.t(1, 'poison'), ...h.t(12)]
  })
  const good = ids.filter((_, i) => i !== 12)
  await expect.poll(() => good.filter((id) => taken.has(id)).length, { timeout: 60_000 }).toBe(24)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Harness).p.stats().droppedBy), { timeout: 60_000 })
    .toEqual({ poison: 1 })
  // The next batch tells the endpoint.
  await page.evaluate(() => (window as unknown as Harness).t(1, 'after'))
  await expect.poll(() => dropped, { timeout: 30_000 }).toBe(1)
  expect(taken.has(ids[12]!)).toBe(false)
  expect(refused).toBeGreaterThanOrEqual(4)
})
