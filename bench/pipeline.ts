/**
 * Event pipeline benchmark, in real Chromium (real IndexedDB, real fetch) against the e2e fixture
 * server's /collect endpoint. Prints what enqueue() costs, how many IndexedDB transactions 1,000
 * events take, and how many requests deliver 10,000 events beside the 64 KiB floor.
 *
 *   pnpm exec tsx bench/pipeline.ts        (or: pnpm --filter @linger/bench bench:pipeline)
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../e2e/support/browser'
import { type FixtureServer, startFixtureServer } from '../e2e/support/server'

type Win = {
  p: { enqueue(e: unknown): void; stats(): { queued: number; sent: number; dropped: number } }
  make(n: number): unknown[]
  tx: { readwrite: number; readonly: number; versionchange: number }
}

const harness = join(fileURLToPath(import.meta.url), '../../e2e/pages/pipeline-harness.html')

// Counts every IndexedDB transaction the page opens, by mode.
const countTransactions = () => {
  const w = window as unknown as Win
  w.tx = { readwrite: 0, readonly: 0, versionchange: 0 }
  const open = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
    w.tx[(args[1] ?? 'readonly') as keyof Win['tx']]++
    return open.apply(this, args)
  } as typeof open
}

async function page(browser: Browser, server: FixtureServer, query: string): Promise<Page> {
  const context = await browser.newContext()
  const p = await context.newPage()
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
  await p.addInitScript('window.__name = (f) => f')
  await p.addInitScript(countTransactions)
  await p.goto(`${server.url}/pipeline-harness.html?${query}`)
  await p.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
  return p
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!

/** enqueue() cost: `groups` groups of `perGroup` calls, each group in its own task; per-call µs of each group. */
async function enqueueCost(p: Page, groups: number, perGroup: number) {
  return p.evaluate(
    async ({ groups, perGroup }) => {
      const w = window as unknown as Win
      const channel = new MessageChannel()
      const nextTask = () =>
        new Promise<void>((done) => {
          channel.port1.onmessage = () => done()
          channel.port2.postMessage(0)
        })
      const enqueue: number[] = []
      const ingest: number[] = []
      for (let g = 0; g < groups; g++) {
        const events = w.make(perGroup)
        await nextTask()
        const t0 = performance.now()
        for (const e of events) w.p.enqueue(e)
        const t1 = performance.now()
        await null // the pipeline's microtask (stringify, size, store write) runs before this resumes
        const t2 = performance.now()
        enqueue.push(((t1 - t0) * 1000) / perGroup)
        ingest.push(((t2 - t1) * 1000) / perGroup)
      }
      return { enqueue, ingest, queued: w.p.stats().queued, isolated: crossOriginIsolated }
    },
    { groups, perGroup },
  )
}

/** Transactions while `total` events are enqueued `perTask` at a time and delivered. */
async function transactions(browser: Browser, server: FixtureServer, total: number, perTask: number) {
  const p = await page(browser, server, 'interval=5000')
  const before = server.endpoint.uniqueEvents().length
  await p.evaluate(
    async ({ total, perTask }) => {
      const w = window as unknown as Win
      const idle = () => new Promise((done) => setTimeout(done, 50))
      await idle() // let the startup flush finish
      w.tx = { readwrite: 0, readonly: 0, versionchange: 0 }
      const channel = new MessageChannel()
      for (let i = 0; i < total; i += perTask) {
        for (const e of w.make(perTask)) w.p.enqueue(e)
        await new Promise<void>((done) => {
          channel.port1.onmessage = () => done()
          channel.port2.postMessage(0)
        })
      }
    },
    { total, perTask },
  )
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length - before >= total, 60_000)
  await p.waitForFunction(() => (window as unknown as Win).p.stats().queued === 0, null, { timeout: 30_000 })
  // The delete after the last 2xx is a transaction too: let it land.
  await p.waitForTimeout(100)
  const tx = await p.evaluate(() => (window as unknown as Win).tx)
  await p.context().close()
  return tx
}

async function delivery(browser: Browser, server: FixtureServer, total: number, batch: number) {
  const first = server.endpoint.requests.length
  const before = server.endpoint.uniqueEvents().length
  const p = await page(browser, server, `interval=5000&batch=${batch}`)
  // Bursts of 100, paced so the queue stays under its 1,000-event cap (past it, the oldest are dropped).
  const dropped = await p.evaluate(async (total) => {
    const w = window as unknown as Win
    for (let i = 0; i < total; i += 100) {
      while (w.p.stats().queued > 800) await new Promise((done) => setTimeout(done, 5))
      for (const e of w.make(100)) w.p.enqueue(e)
      await new Promise((done) => setTimeout(done, 0))
    }
    return w.p.stats().dropped
  }, total)
  if (dropped) throw new Error(`bench: ${dropped} events dropped`)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().length - before >= total, 120_000)
  const requests = server.endpoint.requests.slice(first)
  const bytes = requests.reduce((n, r) => n + Buffer.byteLength(r.body), 0)
  const accepted = requests.reduce((n, r) => n + JSON.parse(r.body).events.length, 0)
  await p.context().close()
  return { requests: requests.length, bytes, floor: Math.ceil(bytes / 65536), duplicates: accepted - total }
}

async function main() {
  const server = await startFixtureServer()
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
  server.route('/pipeline-harness.html', async (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    res.end(await readFile(harness))
  })
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
  try {
    const rows: [string, string][] = []
    const version = browser.version()

    const p = await page(browser, server, 'interval=5000')
    await enqueueCost(p, 10, 500) // warm-up
    const cost = await enqueueCost(p, 20, 500)
    await p.context().close()
    const clock = cost.isolated ? '5 µs clock' : '100 µs clock'
    rows.push([
      `enqueue(), median of 20 tasks × 500 calls (µs per call; ${clock})`,
      median(cost.enqueue).toFixed(3),
    ])
    rows.push(['enqueue(), p95 of those tasks (µs per call)', p95(cost.enqueue).toFixed(3)])
    rows.push([
      'its microtask: stringify, size, start the store write (µs per event)',
      median(cost.ingest).toFixed(2),
    ])

    server.endpoint.always({ hang: true })
    const full = await page(browser, server, 'interval=600000')
    await enqueueCost(full, 3, 500) // fills the queue to its 1,000 cap
    const capped = await enqueueCost(full, 40, 500)
    await full.context().close()
    server.endpoint.always({ status: 200 })
    rows.push([
      `with ${capped.queued} queued (cap reached): enqueue() median / p95 (µs per call)`,
      `${median(capped.enqueue).toFixed(3)} / ${p95(capped.enqueue).toFixed(3)}`,
    ])
    rows.push([
      '  and its microtask (drops the oldest 500, starts the writes): median / p95 (µs per event)',
      `${median(capped.ingest).toFixed(2)} / ${p95(capped.ingest).toFixed(2)}`,
    ])

    for (const perTask of [10, 1]) {
      const tx = await transactions(browser, server, 1000, perTask)
      rows.push([
        `IndexedDB transactions per 1,000 events, ${perTask} per task (write / read, incl. delivery)`,
        `${tx.readwrite} / ${tx.readonly}`,
      ])
    }

    for (const batch of [50, 1000]) {
      const d = await delivery(browser, server, 10_000, batch)
      rows.push([
        `requests for 10,000 events, maxBatchEvents ${batch} (floor = ceil(bytes / 64 KiB))`,
        `${d.requests} (floor ${d.floor}), ${(d.bytes / 1024).toFixed(0)} KiB, ${d.duplicates} dup`,
      ])
    }

    const width = Math.max(...rows.map(([k]) => k.length))
    console.log(`\nLinger event pipeline — Chromium ${version}, ${new Date().toISOString()}\n`)
    console.log(`| ${'measure'.padEnd(width)} | value |`)
    console.log(`|${'-'.repeat(width + 2)}|-------|`)
    for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`)
  } finally {
    await browser.close()
    await server.close()
  }
}

await main()
