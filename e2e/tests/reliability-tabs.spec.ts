// Tabs closing together around an offline spell (issue 20): the shipped linger.js on the plain
// README snippet page (data-config, no campaigns), one browser profile; the endpoint fails 30 % of
// batches with 500/502/503/429 (all with Retry-After: 1). Each round two tabs load the page and
// track 100 events each at once; every third round the browser goes offline right after the calls;
// 200–1,000 ms later both tabs close, then the browser is back online. A last tab then stays open
// until everything arrived. Every tracked event must arrive or be counted in a batch's `dropped`.
// Size: LINGER_TABS_ROUNDS (default 10), LINGER_TABS_RUNS (default 1), seed LINGER_TABS_SEED.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Page } from '@playwright/test'
import { mulberry32 } from '../../packages/collector/src/seed/mulberry32'
import { expect, test } from '../support/test'

const ROUNDS = Number(process.env.LINGER_TABS_ROUNDS ?? 10)
const RUNS = Number(process.env.LINGER_TABS_RUNS ?? 1)
const SEED = Number(process.env.LINGER_TABS_SEED ?? Date.now() % 1e6)
const PER_TAB = 100
const FAILS = [500, 502, 503, 429]
const PROBE = !!process.env.LINGER_TABS_PROBE

/** The endpoint: 30 % of batches fail, the rest are taken; events de-duplicated by id. */
function flakyEndpoint(rng: () => number, note?: (line: string) => void) {
  const ids = new Map<string, { r: number; k: number; i: number }>()
  const figures = { requests: 0, failed: 0, dropped: 0, copies: 0 }
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    figures.requests++
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      events: Array<{ id: string; type: string; props: { r: number; k: number; i: number } }>
      dropped?: number
    }
    const fail = rng() < 0.3 && FAILS[Math.floor(rng() * 4)]!
    if (note) {
      const parts = new Map<string, number[]>()
      for (const e of batch.events) {
        const key = e.type === 'chaos' ? `${e.props.r}-${e.props.k}` : e.type
        parts.set(key, [...(parts.get(key) ?? []), e.props.i ?? 0])
      }
      note(
        `POST ${fail || 200} dropped=${batch.dropped ?? 0} ${[...parts].map(([k, is]) => `${k}:${is.length}[${Math.min(...is)}..${Math.max(...is)}]`).join(' ')}`,
      )
    }
    if (fail) {
      figures.failed++
      return void res.writeHead(fail, { 'retry-after': '1' }).end()
    }
    figures.dropped += batch.dropped ?? 0
    for (const e of batch.events) {
      figures.copies++
      if (e.type === 'chaos') ids.set(e.id, e.props)
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  }
  const keys = () => new Set([...ids.values()].map(({ r, k, i }) => `${r}-${k}-${i}`))
  return { handler, figures, keys }
}

/** What the device still holds: IndexedDB queue rows and localStorage keys. */
const leftovers = (page: Page) =>
  page.evaluate(async () => {
    const rows = await new Promise<number>((done) => {
      const req = indexedDB.open('linger')
      req.onsuccess = () => {
        const db = req.result
        if (!db.objectStoreNames.contains('queue')) return done(0)
        const all = db.transaction('queue').objectStore('queue').getAllKeys()
        all.onsuccess = () => {
          db.close()
          done(all.result.filter((k) => k !== 'lease').length)
        }
      }
      req.onerror = () => done(-1)
    })
    return { rows, localStorage: Object.keys(localStorage) }
  })

for (let run = 0; run < RUNS; run++)
  test(`tabs closing together around an offline spell: nothing lost uncounted (run ${run + 1})`, async ({
    context,
    server,
  }) => {
    test.setTimeout(ROUNDS * 20_000 + 240_000)
    const seed = SEED + run
    const rng = mulberry32(seed)
    const log: string[] = []
    const started = Date.now()
    const endpoint = flakyEndpoint(
      mulberry32(seed ^ 0x5eed),
      PROBE ? (line) => log.push(`${Date.now() - started} ${line}`) : undefined,
    )
    server.route('/v1/batch', endpoint.handler)
    const pageErrors: string[] = []
    const url = `${server.url}/reliability-tabs.html${PROBE && process.env.LINGER_TABS_PROBE !== 'quiet' ? '?linger_debug=1' : ''}`
    let tabNo = 0
    const open = async () => {
      const page = await context.newPage()
      const me = tabNo++
      page.on('pageerror', (e) => pageErrors.push(String(e)))
      if (PROBE) {
        page.on('console', (m) => log.push(`${Date.now() - started} tab${me} ${m.text()}`))
        page.on('close', () => log.push(`${Date.now() - started} tab${me} closed`))
        await page.addInitScript(() => {
          const w = window as unknown as { linger: (...a: unknown[]) => void; taken: number }
          const q: unknown[][] = []
          w.taken = 0
          w.linger ||= Object.assign((...args: unknown[]) => void q.push(args), { q })
          w.linger('on', 'chaos', () => void w.taken++)
        })
      }
      await page.goto(url, { waitUntil: 'load' })
      return page
    }
    for (let r = 0; r < ROUNDS; r++) {
      if (PROBE) log.push(`${Date.now() - started} round ${r} opens`)
      const tabs = await Promise.all([open(), open()])
      await Promise.all(
        tabs.map((page, k) =>
          page.evaluate(
            ([r, k, n]) => {
              const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
              for (let i = 0; i < n; i++) linger('track', 'chaos', { r, k, i })
            },
            [r, k, PER_TAB] as const,
          ),
        ),
      )
      const offline = r % 3 === 0
      if (offline) await context.setOffline(true)
      await new Promise((done) => setTimeout(done, 200 + Math.floor(rng() * 800)))
      if (PROBE)
        for (const [k, page] of tabs.entries())
          log.push(
            `${Date.now() - started} round ${r} tab ${k} before close: ${JSON.stringify(
              await page.evaluate(() => ({
                taken: (window as unknown as { taken: number }).taken,
                ls: Object.keys(localStorage),
              })),
            )}`,
          )
      await Promise.all(tabs.map((page) => page.close()))
      if (offline) await context.setOffline(false)
    }
    const tracked = ROUNDS * 2 * PER_TAB
    const last = await open()
    // Settled: everything arrived, or the device holds nothing more to send.
    const settled = (ms: number) =>
      expect
        .poll(
          async () => {
            if (endpoint.keys().size === tracked) return true
            const { rows, localStorage } = await leftovers(last)
            return rows === 0 && !localStorage.some((k) => k.startsWith('linger:'))
          },
          { timeout: ms, intervals: [500] },
        )
        .toBe(true)
        .then(
          () => true,
          () => false,
        )
    if (!(await settled(60_000))) await settled(120_000)
    const left = await leftovers(last)
    await last.close()
    const keys = endpoint.keys()
    const lost: Record<string, number> = {}
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < 2; k++)
        for (let i = 0; i < PER_TAB; i++)
          if (!keys.has(`${r}-${k}-${i}`)) lost[`${r}-${k}`] = (lost[`${r}-${k}`] ?? 0) + 1
    const missing = tracked - keys.size
    const result = {
      suite: 'tabs',
      seed,
      seconds: Math.round((Date.now() - started) / 1000),
      tracked,
      delivered: keys.size,
      missing,
      dropped: endpoint.figures.dropped,
      lostUncounted: Math.max(0, missing - endpoint.figures.dropped),
      requests: endpoint.figures.requests,
      failed: endpoint.figures.failed,
      copies: endpoint.figures.copies,
      lostByTab: lost,
      left,
      pageErrors: pageErrors.length,
    }
    console.log(`RELIABILITY ${JSON.stringify(result)}`)
    if (PROBE && (missing || process.env.LINGER_TABS_PROBE === 'all')) console.log(log.join('\n'))
    expect(pageErrors).toEqual([])
    expect(result.lostUncounted).toBe(0)
  })
