// Tabs closing together around an offline spell (issue 20): the shipped linger.js on the plain
// README snippet page (data-config, no campaigns), one browser profile; the endpoint fails 30 % of
// batches with 500/502/503/429 (all with Retry-After: 1). Each round two tabs load the page and
// make 100 calls each at once; every third round the browser goes offline (its own offline mode)
// right after the calls; 200–1,000 ms later both tabs close, then the browser is back online. A
// last tab then stays until everything arrived or the device holds nothing more (60 s + 120 s).
// Every event must arrive or be counted in a batch's `dropped`, and no purchase may be dropped.
//
// CI runs it as reported (0 lost uncounted in 20 of 20 runs). LINGER_TABS_BUSY=1 adds a harsher
// version: every 20th call is a purchase, the tabs of half the rounds run on a 4× slowed CPU (a
// busy device), and debug mode logs each tab's ledger (what it tracked, stashed, dropped by
// reason), which the test adds up. It lost a starved tab's events now and then until what waits
// in memory was written ahead, not only at pagehide (docs/reliability.md, issue 20).
// Size: LINGER_TABS_RUNS (default 1) runs of LINGER_TABS_ROUNDS (default 10); seed LINGER_TABS_SEED.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Page } from '@playwright/test'
import { mulberry32 } from '../../packages/collector/src/seed/mulberry32'
import { expect, test } from '../support/test'

const ROUNDS = Number(process.env.LINGER_TABS_ROUNDS ?? 10)
const RUNS = Number(process.env.LINGER_TABS_RUNS ?? 1)
const SEED = Number(process.env.LINGER_TABS_SEED ?? 1)
const PLAIN = !process.env.LINGER_TABS_BUSY
const PROBE = !!process.env.LINGER_TABS_PROBE
const PER_TAB = 100
const FAILS = [500, 502, 503, 429]
const isPurchase = (i: number) => !PLAIN && i % 20 === 19
type Sent = { id: string; type: string; props: { r?: number; k?: number; i?: number; orderId?: string } }

/** The endpoint: 30 % of batches fail, the rest are taken; events de-duplicated by id. */
function flakyEndpoint(rng: () => number, note?: (line: string) => void) {
  const keys = new Map<string, string>() // event id → `round-tab-call`
  const figures = { requests: 0, failed: 0, dropped: 0, copies: 0 }
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    figures.requests++
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Sent[]; dropped?: number }
    const fail = rng() < 0.3 && FAILS[Math.floor(rng() * 4)]!
    note?.(
      `POST ${fail || 200} dropped=${batch.dropped ?? 0} ${batch.events.map((e) => e.props.orderId ?? (e.type === 'chaos' ? `${e.props.r}-${e.props.k}-${e.props.i}` : e.type)).join(' ')}`,
    )
    if (fail) {
      figures.failed++
      return void res.writeHead(fail, { 'retry-after': '1' }).end()
    }
    figures.dropped += batch.dropped ?? 0
    for (const e of batch.events) {
      figures.copies++
      if (e.type === 'chaos') keys.set(e.id, `${e.props.r}-${e.props.k}-${e.props.i}`)
      if (e.type === 'purchase') keys.set(e.id, e.props.orderId!)
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  }
  return { handler, figures, delivered: () => new Set(keys.values()) }
}

/** What the device still holds: IndexedDB queue rows and Linger's localStorage keys. */
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
    return { rows, stash: Object.keys(localStorage).filter((k) => k.startsWith('linger:')) }
  })

/** Adds a debug-mode line (`linger pipeline: <fate> <count>`) to a tab's ledger. */
const LEDGER = /^linger pipeline: (\w+) (\d+)$/
const book = (ledger: Record<string, number>, line: string) => {
  const [, fate, n] = line.match(LEDGER) ?? []
  if (fate) ledger[fate] = (ledger[fate] ?? 0) + Number(n)
}
const REASONS = ['cap', 'big', 'quota', 'corrupt', 'drop', 'poison']

for (let run = 0; run < RUNS; run++)
  test(`tabs closing together around an offline spell: every event arrives or is counted (run ${run + 1})`, async ({
    context,
    server,
  }) => {
    test.setTimeout(ROUNDS * 25_000 + 240_000)
    const seed = SEED + run
    const rng = mulberry32(seed)
    const log: string[] = []
    const started = Date.now()
    const at = () => `${String(Date.now() - started).padStart(6)} ms`
    const endpoint = flakyEndpoint(
      mulberry32(seed ^ 0x5eed),
      PROBE ? (line) => log.push(`${at()} ${line}`) : undefined,
    )
    server.route('/v1/batch', endpoint.handler)
    const pageErrors: string[] = []
    const ledgers: Array<Record<string, number>> = []
    const url = `${server.url}/reliability-tabs.html${PLAIN ? '' : '?linger_debug=1'}`
    const open = async (busy = false) => {
      const page = await context.newPage()
      const ledger: Record<string, number> = {}
      const tab = ledgers.push(ledger) - 1
      page.on('pageerror', (e) => pageErrors.push(String(e)))
      page.on('console', (m) => {
        book(ledger, m.text())
        if (PROBE) log.push(`${at()} tab${tab} ${m.text()}`)
      })
      if (PROBE)
        await page.addInitScript(() => {
          const keys = () => Object.keys(localStorage).filter((k) => k.startsWith('linger:'))
          ;(window as unknown as { lsAtStart: string[] }).lsAtStart = keys()
          addEventListener('pagehide', () => console.info(`PAGEHIDE start ${keys().join(' ')}`), {
            capture: true,
          })
        })
      if (busy) {
        const cdp = await context.newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      }
      await page.goto(url, { waitUntil: 'load' })
      return page
    }
    const rounds = { offline: 0, busy: 0 }
    for (let r = 0; r < ROUNDS; r++) {
      const busy = !PLAIN && rng() < 0.5
      if (busy) rounds.busy++
      const tabs = await Promise.all([open(busy), open(busy)])
      if (PROBE)
        for (const page of tabs)
          log.push(
            `${at()} round ${r} opened, stash at start: ${JSON.stringify(await page.evaluate(() => (window as unknown as { lsAtStart: string[] }).lsAtStart))}`,
          )
      await Promise.all(
        tabs.map((page, k) =>
          page.evaluate(
            ([r, k, n, plain]) => {
              const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
              for (let i = 0; i < n; i++)
                if (!plain && i % 20 === 19)
                  linger('purchase', { orderId: `${r}-${k}-${i}`, value: 1, currency: 'EUR' })
                else linger('track', 'chaos', { r, k, i })
            },
            [r, k, PER_TAB, PLAIN] as const,
          ),
        ),
      )
      const offline = r % 3 === 0
      if (offline) {
        rounds.offline++
        await context.setOffline(true)
      }
      await new Promise((done) => setTimeout(done, 200 + Math.floor(rng() * 800)))
      if (PROBE) log.push(`${at()} round ${r} closes${offline ? ' (offline)' : ''}${busy ? ' (busy)' : ''}`)
      await Promise.all(tabs.map((page) => page.close()))
      if (offline) await context.setOffline(false)
    }
    const tracked = ROUNDS * 2 * PER_TAB
    const last = await open()
    // Settled: the device holds nothing more to send. Not as soon as everything arrived: a copy
    // a closing tab's keepalive request delivered stays stored until a tab hears a 2xx for it.
    const settled = (ms: number) =>
      expect
        .poll(
          async () => {
            const { rows, stash } = await leftovers(last)
            return rows === 0 && !stash.length
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

    const delivered = endpoint.delivered()
    const lostByTab: Record<string, number> = {}
    const purchasesLost: string[] = []
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < 2; k++)
        for (let i = 0; i < PER_TAB; i++)
          if (!delivered.has(`${r}-${k}-${i}`)) {
            lostByTab[`${r}-${k}`] = (lostByTab[`${r}-${k}`] ?? 0) + 1
            if (isPurchase(i)) purchasesLost.push(`${r}-${k}-${i}`)
          }
    const missing = tracked - delivered.size
    // The tabs' own ledgers (debug mode), added up.
    const total: Record<string, number> = {}
    for (const ledger of ledgers)
      for (const [fate, n] of Object.entries(ledger)) total[fate] = (total[fate] ?? 0) + n
    const droppedBy = Object.fromEntries(REASONS.filter((r) => total[r]).map((r) => [r, total[r]]))
    const result = {
      suite: 'tabs',
      seed,
      plain: PLAIN,
      seconds: Math.round((Date.now() - started) / 1000),
      rounds: { total: ROUNDS, ...rounds },
      tracked,
      delivered: delivered.size,
      missing,
      dropped: endpoint.figures.dropped,
      lostUncounted: Math.max(0, missing - endpoint.figures.dropped),
      purchasesLost: purchasesLost.length,
      requests: endpoint.figures.requests,
      failed: endpoint.figures.failed,
      copies: endpoint.figures.copies,
      ledger: PLAIN
        ? undefined
        : {
            tracked: total.tracked ?? 0,
            stored: total.stored ?? 0,
            acknowledged: total.acknowledged ?? 0,
            stashed: total.stashed ?? 0,
            unstashed: total.unstashed ?? 0,
            droppedBy,
          },
      lostByTab,
      left,
      pageErrors: pageErrors.length,
    }
    console.log(`RELIABILITY ${JSON.stringify(result)}`)
    if (PROBE && missing) console.log(log.join('\n'))
    expect(pageErrors).toEqual([])
    // Every event arrived or was counted in a batch's `dropped`, and no purchase was dropped.
    expect(result.lostUncounted).toBe(0)
    expect(purchasesLost).toEqual([])
    // Nothing left behind on the device.
    expect(left).toEqual({ rows: 0, stash: [] })
    if (!PLAIN) {
      // The tabs' ledgers (debug mode; a tab that closes before linger-debug.js has loaded logs
      // nothing, so these are lower bounds): the queue cap is the only reason this scenario may
      // drop for, and the endpoint heard of every drop. (Their `tracked` sums may pass the calls
      // made: a call written ahead can be made both by its tab and by a tab that took the stash
      // before the first saw it go — with one event id, which the endpoint keeps once.)
      expect(Object.keys(droppedBy).filter((reason) => reason !== 'cap')).toEqual([])
      expect(endpoint.figures.dropped).toBeGreaterThanOrEqual(total.cap ?? 0)
    }
  })
