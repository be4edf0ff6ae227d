// Chaos delivery: the shipped linger.js in real Chromium, many page loads, one or two tabs at a
// time, against the real collector (in-process, in-memory PGlite) behind a proxy that fails at
// random: 500/503, 429 with Retry-After, hangs, dropped connections, and answers lost after the
// collector stored the batch. The network goes offline and back; pages close mid-flush.
// Afterwards the collector must hold every tracked event exactly once.
// Size: LINGER_CHAOS_EVENTS (default 1,500; `pnpm reliability` runs 10,000), seed LINGER_CHAOS_SEED.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrowserContext, Page } from '@playwright/test'
import { createApp, type Db, openDatabase } from '../../packages/collector/src/index'
import { mulberry32 } from '../../packages/collector/src/seed/mulberry32'
import { expect, test } from '../support/test'

const TARGET = Number(process.env.LINGER_CHAOS_EVENTS ?? 1500)
const SEED = Number(process.env.LINGER_CHAOS_SEED ?? 1)
// The pipeline keeps at most 1,000 events per device (older ones are dropped and reported): the
// test never lets the undelivered backlog approach it, so any loss is a delivery fault.
const BACKLOG_HIGH = 400
const BACKLOG_LOW = 150
// Closing tabs close either right after `track()`, before the IndexedDB write commits (the
// pagehide stash in localStorage is then what keeps the events), or once it has committed; half
// the rounds each. LINGER_CHAOS_CLOSE_BEFORE_STORED=1 makes every closing round the first kind.
const BEFORE_STORED = !!process.env.LINGER_CHAOS_CLOSE_BEFORE_STORED

type Fault = 'forwarded' | '500/503' | '429' | 'hang' | 'drop' | 'lost-ack'
// Cumulative odds while chaos is on: about 45 % of requests fail one way or another.
const ODDS: Array<[Fault, number]> = [
  ['500/503', 0.14],
  ['429', 0.24],
  ['hang', 0.29],
  ['drop', 0.37],
  ['lost-ack', 0.45],
]

interface Figures {
  requests: number
  byFault: Record<Fault, number>
  /** Event copies the collector received in batches it accepted, duplicates included. */
  copies: number
  duplicates: number
  /** Collector answers other than 2xx (a 4xx here means a batch the pipeline then drops). */
  rejected: Record<string, number>
}

/** The chaos proxy in front of the collector's `POST /v1/batch`. */
function chaosProxy(app: ReturnType<typeof createApp>, rng: () => number) {
  const figures: Figures = {
    requests: 0,
    byFault: { forwarded: 0, '500/503': 0, '429': 0, hang: 0, drop: 0, 'lost-ack': 0 },
    copies: 0,
    duplicates: 0,
    rejected: {},
  }
  const state = { on: true }
  const waiters: Array<() => void> = []
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    figures.requests++
    for (const wake of waiters.splice(0)) wake()
    const roll = state.on ? rng() : 1
    const fault = ODDS.find(([, p]) => roll < p)?.[0] ?? 'forwarded'
    figures.byFault[fault]++
    if (fault === '500/503') return void res.writeHead(rng() < 0.5 ? 500 : 503).end()
    if (fault === '429') return void res.writeHead(429, { 'retry-after': '1' }).end()
    // The client's 30 s timeout is too long for a test: hang a while, then cut the connection.
    if (fault === 'hang') return void setTimeout(() => req.socket.destroy(), 1500)
    if (fault === 'drop') return void req.socket.destroy()
    const answer = await app.request('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    })
    const text = await answer.text()
    if (answer.ok) {
      const { accepted, duplicates } = JSON.parse(text) as { accepted: number; duplicates: number }
      figures.copies += accepted + duplicates
      figures.duplicates += duplicates
    } else figures.rejected[answer.status] = (figures.rejected[answer.status] ?? 0) + 1
    // Stored, but the client never hears so: it must send again, and the collector de-duplicates.
    if (fault === 'lost-ack') return void req.socket.destroy()
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text)
  }
  /** Resolves on the next request, or after `ms`. */
  const nextRequest = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms)
      waiters.push(() => {
        clearTimeout(timer)
        done()
      })
    })
  return { handler, figures, state, nextRequest }
}

const delivered = async (db: Db) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from events where type = 'chaos'`)).rows[0]!.n

test('chaos delivery: every tracked event reaches the collector exactly once', async ({
  context,
  server,
}) => {
  test.setTimeout(Math.max(180_000, TARGET * 80))
  const db = await openDatabase({ dataDir: 'memory://' })
  try {
    const app = createApp({ db, rateLimit: false })
    const rng = mulberry32(SEED) // seeded: a failing run replays with the same faults
    const proxy = chaosProxy(app, rng)
    server.route('/v1/batch', proxy.handler)
    const pageErrors: string[] = []
    const tracked = new Set<string>()
    const started = Date.now()
    let round = 0
    const rounds = {
      total: 0,
      twoTabs: 0,
      offline: 0,
      closedAtOnce: 0,
      closedOnRequest: 0,
      closedBeforeStored: 0,
      settled: 0,
      drains: 0,
    }

    const open = async (ctx: BrowserContext) => {
      const page = await ctx.newPage()
      page.on('pageerror', (e) => pageErrors.push(String(e)))
      await page.goto(`${server.url}/reliability-chaos.html`)
      await page.waitForFunction(
        () => (window as unknown as { linger?: { loaded?: 1 } }).linger?.loaded === 1,
      )
      return page
    }
    const track = (page: Page, keys: string[]) =>
      page.evaluate((list) => {
        const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
        for (const k of list) linger('track', 'chaos', { k })
      }, keys)
    /** Waits (with a page open, so the queue is worked) until the backlog is at most `low`. */
    const drain = async (low: number, timeout: number) => {
      const page = await open(context)
      const reached = await expect
        .poll(async () => tracked.size - (await delivered(db)), { timeout, intervals: [250] })
        .toBeLessThanOrEqual(low)
        .then(
          () => true,
          () => false,
        )
      await page.close()
      return reached
    }
    const modes = new Map<number, string>()
    /** Waits until every event this tab tracked in this round is in its IndexedDB queue (or sent). */
    const storedAll = (page: Page, prefix: string) =>
      page
        .waitForFunction(
          async ([pre, want]) => {
            const keys = await new Promise<string[]>((done) => {
              const req = indexedDB.open('linger')
              req.onsuccess = () => {
                const db = req.result
                if (!db.objectStoreNames.contains('queue')) return done([])
                const all = db.transaction('queue').objectStore('queue').getAll()
                all.onsuccess = () => {
                  db.close()
                  done(all.result.map((e: { props?: { k?: string } }) => e?.props?.k ?? ''))
                }
              }
              req.onerror = () => done([])
            })
            return keys.filter((k) => k.startsWith(pre)).length >= want
          },
          [prefix, [...tracked].filter((k) => k.startsWith(prefix)).length] as const,
          { polling: 20, timeout: 3000 },
        )
        .catch(() => {}) // already sent and acknowledged (so no longer stored): nothing to wait for

    while (tracked.size < TARGET) {
      round++
      rounds.total++
      if (tracked.size - (await delivered(db)) > BACKLOG_HIGH) {
        rounds.drains++
        await drain(BACKLOG_LOW, 90_000)
      }
      const tabs = rng() < 0.35 ? 2 : 1
      if (tabs === 2) rounds.twoTabs++
      const pages = await Promise.all(Array.from({ length: tabs }, () => open(context)))
      const offline = rng() < 0.2
      if (offline) {
        rounds.offline++
        await context.setOffline(true)
      }
      await Promise.all(
        pages.map((page, t) => {
          const n = Math.min(TARGET - tracked.size, 20 + Math.floor(rng() * 100))
          const keys = Array.from({ length: Math.max(0, n) }, (_, i) => `${round}-${t}-${i}`)
          for (const k of keys) tracked.add(k)
          return track(page, keys)
        }),
      )
      const end = rng()
      const beforeStored = BEFORE_STORED || rng() < 0.5
      if (offline) {
        // Offline for a moment while the pages are open: nothing can be sent, everything must wait.
        await pages[0]!.waitForTimeout(200 + Math.floor(rng() * 800))
        await context.setOffline(false)
      }
      modes.set(
        round,
        `${tabs} tab(s)${offline ? ', offline' : ''}, ${end < 0.3 ? 'closed at once' : end < 0.6 ? 'closed on request' : 'settled'}${end < 0.6 && beforeStored ? ' before stored' : ''}`,
      )
      if (end < 0.6 && beforeStored) rounds.closedBeforeStored++
      else if (end < 0.6) await Promise.all(pages.map((p, t) => storedAll(p, `${round}-${t}-`)))
      if (end < 0.3) rounds.closedAtOnce++
      else if (end < 0.6) {
        // Close while the first request after tracking is in flight.
        rounds.closedOnRequest++
        await proxy.nextRequest(6000)
      } else {
        rounds.settled++
        const goal = tracked.size
        await expect
          .poll(() => delivered(db), { timeout: 8000, intervals: [250] })
          .toBe(goal)
          .catch(() => {}) // still failing after 8 s: leave the rest to later pages
      }
      await Promise.all(pages.map((p) => p.close({ runBeforeUnload: true })))
    }

    // The end: the endpoint healthy, one page open until the collector holds everything.
    proxy.state.on = false
    await drain(0, 60_000)
    const seconds = (Date.now() - started) / 1000

    const rows = (
      await db.query<{ id: string; site: string; k: string }>(
        `select id, site, props->>'k' as k from events where type = 'chaos'`,
      )
    ).rows
    const perKey = new Map<string, number>()
    for (const r of rows) perKey.set(r.k, (perKey.get(r.k) ?? 0) + 1)
    const lost = [...tracked].filter((k) => !perKey.has(k))
    const unknown = rows.filter((r) => !tracked.has(r.k) || r.site !== 'chaos')
    const twice = [...perKey].filter(([, n]) => n > 1)
    const f = proxy.figures
    const result = {
      suite: 'chaos',
      seed: SEED,
      closeBeforeStored: BEFORE_STORED,
      seconds: Math.round(seconds),
      rounds,
      tracked: tracked.size,
      delivered: perKey.size,
      lost: lost.length,
      duplicatesBeforeDedup: f.duplicates,
      copiesReceived: f.copies,
      requests: f.requests,
      byFault: f.byFault,
      rejected: f.rejected,
      pageErrors: pageErrors.length,
    }
    console.log(
      [
        `chaos delivery (seed ${SEED}, ${result.seconds} s, ${rounds.total} rounds: ${rounds.twoTabs} with two tabs, ${rounds.offline} offline, ${rounds.closedAtOnce} closed right after tracking, ${rounds.closedOnRequest} closed mid-request, ${rounds.closedBeforeStored} of those closings before the write committed, ${rounds.drains} drains)`,
        `  events tracked          ${result.tracked}`,
        `  delivered (unique)      ${result.delivered}`,
        `  lost                    ${result.lost}`,
        `  duplicates before dedup ${result.duplicatesBeforeDedup}`,
        `  requests made           ${result.requests}`,
        ...Object.entries(f.byFault).map(([k, n]) => `    ${k.padEnd(21)} ${n}`),
        `  collector 4xx answers   ${JSON.stringify(f.rejected)}`,
      ].join('\n'),
    )
    console.log(`RELIABILITY ${JSON.stringify(result)}`)
    const lostRounds = new Map<string, number>()
    for (const k of lost) {
      const at = `round ${k.split('-')[0]} tab ${k.split('-')[1]} (${modes.get(Number(k.split('-')[0]))})`
      lostRounds.set(at, (lostRounds.get(at) ?? 0) + 1)
    }
    if (lost.length) console.log('lost events by round:', Object.fromEntries(lostRounds))
    expect(pageErrors).toEqual([])
    expect(f.rejected).toEqual({})
    expect(lost.slice(0, 20)).toEqual([])
    expect(unknown).toEqual([])
    expect(twice).toEqual([])
    expect(result.delivered).toBe(TARGET)
  } finally {
    await db.close()
  }
})
