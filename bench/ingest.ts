/**
 * Collector ingest benchmark: events per second one collector instance stores on this machine,
 * and whether the Node process or the database is the limit.
 *
 *   pnpm exec tsx bench/ingest.ts                                   (no-op storage and PGlite)
 *   DATABASE_URL=postgres://… pnpm exec tsx bench/ingest.ts         (and PostgreSQL)
 *   options: --duration 10 (s per run)  --connections 1,4,16,64  --modes noop,pglite,postgres
 *
 * The collector app (createApp: validation, de-duplication, storage) runs in a child process,
 * so the load generator (autocannon, in this process) does not share its event loop; both stay
 * on loopback. Each request is a 50-event batch of realistic events with fresh ids, so every
 * event is a real insert. Beside requests/s, events/s and latency it prints the collector's CPU
 * (one Node thread: 100 % = one core), the share of wall time with a database transaction open,
 * and on PostgreSQL the CPU of its backends, read from /proc.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../packages/collector/src/db'

const here = fileURLToPath(import.meta.url)
// autocannon and @hono/node-server are the collector's dependencies, resolved from there.
const fromCollector = createRequire(join(here, '../../packages/collector/package.json'))

type Serve = (
  options: { fetch: (req: Request) => Response | Promise<Response>; port: number; hostname: string },
  listening: (info: { port: number }) => void,
) => { close(): void }
type Mode = 'noop' | 'pglite' | 'postgres'
type Sample = { wall: number; cpuMs: number; busyMs: number; txs: number; pgCpuMs: number; stored: number }

// ---------------------------------------------------------------- child: one collector instance

/** A database that stores nothing: what validation, JSON and HTTP cost without one. */
function noopDb(): Db {
  const q = { query: async () => ({ rows: [] as never[] }), exec: async () => {} }
  return { kind: 'pglite', ...q, transaction: (fn) => fn(q), close: async () => {} }
}

/** CPU ms of the PostgreSQL processes serving this database (backends and background workers). */
async function postgresCpuMs(db: Db): Promise<number> {
  const { rows } = await db.query<{ pid: number }>('select pid from pg_stat_activity')
  let ticks = 0
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (utime, stime) after the parenthesised command name.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(f[11]) + Number(f[12])
    } catch {}
  }
  return ticks * 10 // USER_HZ = 100 on Linux
}

async function serveCollector(mode: Mode) {
  const { openDatabase } = await import('../packages/collector/src/db')
  const { createApp } = await import('../packages/collector/src/server')
  const { serve } = (await import(fromCollector.resolve('@hono/node-server'))) as { serve: Serve }
  const dir = mode === 'pglite' ? mkdtempSync(join(tmpdir(), 'linger-bench-')) : ''
  const schema = `bench_${process.pid}`
  const db =
    mode === 'noop'
      ? noopDb()
      : mode === 'pglite'
        ? await openDatabase({ dataDir: dir })
        : await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, schema })
  // Wall time with at least one transaction open: near 100 % means requests queue for the database.
  let open = 0
  let since = 0
  let busyMs = 0
  let txs = 0
  const timed: Db = {
    ...db,
    async transaction(fn) {
      if (open++ === 0) since = performance.now()
      try {
        return await db.transaction(fn)
      } finally {
        txs++
        if (--open === 0) busyMs += performance.now() - since
      }
    },
  }
  const app = createApp({ db: timed, rateLimit: false })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    process.send?.({ port: info.port }),
  )
  process.on('message', async (m) => {
    if (m === 'sample') {
      const cpu = process.cpuUsage()
      const stored =
        mode === 'noop'
          ? 0
          : (await db.query<{ n: number }>('select count(*)::int as n from events')).rows[0]!.n
      const sample: Sample = {
        wall: performance.now(),
        cpuMs: (cpu.user + cpu.system) / 1000,
        busyMs: busyMs + (open ? performance.now() - since : 0),
        txs,
        pgCpuMs: mode === 'postgres' ? await postgresCpuMs(db) : 0,
        stored,
      }
      process.send?.(sample)
    } else if (m === 'stop') {
      server.close()
      if (mode === 'postgres') await db.exec(`drop schema ${schema} cascade`)
      await db.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    }
  })
}

// ---------------------------------------------------------------- parent: load generator

let seq = 0
const tag = Date.now().toString(36)
const TYPES = [
  'page.viewed',
  'campaign.shown',
  'campaign.dismissed',
  'survey.answered',
  'cart.updated',
] as const

/** 50 events like a busy shop's: page views, impressions, answers, carts; `@ID@` marks each id. */
function template(): string[] {
  const ts = new Date().toISOString()
  const events = Array.from({ length: 50 }, (_, n) => {
    const type = TYPES[n % TYPES.length]!
    const props: Record<string, unknown> =
      type === 'page.viewed'
        ? { title: 'Linen shirt – Demo shop', referrer: 'https://www.google.com/' }
        : type === 'survey.answered'
          ? { survey: 'nps', score: n % 11, scale: 10, comment: 'Fast delivery, nice packaging.' }
          : type === 'cart.updated'
            ? {
                items: [
                  { id: 'sku-1', name: 'Linen shirt', price: 49.9, quantity: 1 },
                  { id: 'sku-2', name: 'Socks', price: 9.5, quantity: 2 },
                ],
                value: 68.9,
                currency: 'EUR',
              }
            : { trigger: 'exit-intent' }
    return {
      id: '@ID@',
      type,
      ts,
      site: 'demo-shop',
      visitorId: `v-${n * 37}`,
      sessionId: `s-${n * 53}`,
      ...(type.startsWith('campaign') || type === 'survey.answered'
        ? { campaignId: 'exit-offer', variant: 'a' }
        : {}),
      url: 'https://shop.example/products/linen-shirt?utm_source=newsletter',
      props,
    }
  })
  return JSON.stringify({ site: 'demo-shop', sentAt: ts, events }).split('@ID@')
}

const parts = template()

/** A batch with 50 fresh ids, joined into the template: cheap, so the load generator stays light. */
function makeBatch(): string {
  let body = parts[0]!
  for (let k = 1; k < parts.length; k++) body += `${tag}-${(seq++).toString(36)}${parts[k]}`
  return body
}

type Child = { port: number; sample(): Promise<Sample>; stop(): Promise<void> }

async function startChild(mode: Mode, databaseUrl?: string): Promise<Child> {
  const child = spawn(process.execPath, [...process.execArgv, here, '--serve', mode], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
  })
  const next = <T>() => new Promise<T>((done) => child.once('message', (m) => done(m as T)))
  const { port } = await next<{ port: number }>()
  return {
    port,
    sample: () => {
      const p = next<Sample>()
      child.send('sample')
      return p
    },
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done())
        child.send('stop')
      }),
  }
}

type Cannon = (opts: Record<string, unknown>) => Promise<{
  requests: { average: number }
  latency: { p50: number; p99: number }
  '2xx': number
  non2xx: number
  errors: number
  duration: number
}>
const autocannon = fromCollector('autocannon') as Cannon

const fire = (port: number, connections: number, duration: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/batch',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: makeBatch() }),
      },
    ],
  })

const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`

/** CPU ms per 1k events of the no-op run: the collector's own share, without a database. */
let noopCost = 0

/** Which resource runs out first on an idle 2-core machine, from the CPU costs per 1k events. */
function limit(mode: Mode, node: number, pg: number) {
  if (mode === 'noop') return 'collector (Node, one core)'
  // PGlite runs inside the collector's thread: its share is what the no-op run did not spend.
  if (mode === 'pglite')
    return noopCost
      ? `database (PGlite, ${pct(node - noopCost, node)} of the Node thread's CPU)`
      : 'Node thread'
  return pg > node
    ? 'database (PostgreSQL needs more CPU per event than the collector)'
    : 'collector (Node, one core)'
}

async function run(mode: Mode, connections: number[], duration: number, databaseUrl?: string) {
  const child = await startChild(mode, databaseUrl)
  try {
    await fire(child.port, 8, 2) // warm up: JIT, PGlite's WebAssembly, the connection pool
    for (const c of connections) {
      const a = await child.sample()
      const r = await fire(child.port, c, duration)
      const b = await child.sample()
      const wall = b.wall - a.wall
      const okPerSec = r['2xx'] / r.duration
      const stored = mode === 'noop' ? r['2xx'] * 50 : b.stored - a.stored
      // CPU per 1,000 stored events: what the work costs, whatever share of the cores this
      // shared machine gave the run. Node runs on one core; PostgreSQL may use the other.
      const node = (1000 * (b.cpuMs - a.cpuMs)) / stored
      const pg = (1000 * (b.pgCpuMs - a.pgCpuMs)) / stored
      if (mode === 'noop') noopCost = node
      const projected = Math.min(1e6 / node, pg ? 2e6 / (node + pg) : Number.POSITIVE_INFINITY)
      console.log(
        [
          mode.padEnd(8),
          `c=${String(c).padStart(2)}`,
          `${Math.round(okPerSec * 50)
            .toString()
            .padStart(6)} events/s`,
          `${okPerSec.toFixed(0).padStart(4)} req/s`,
          `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
          `collector CPU ${pct(b.cpuMs - a.cpuMs, wall)}`,
          `db busy ${pct(b.busyMs - a.busyMs, wall)} (${((b.busyMs - a.busyMs) / Math.max(1, b.txs - a.txs)).toFixed(1)} ms/batch)`,
          mode === 'postgres' ? `postgres CPU ${pct(b.pgCpuMs - a.pgCpuMs, wall)}` : '',
          `CPU ms per 1k events: node ${node.toFixed(0)}${pg ? `, postgres ${pg.toFixed(0)}` : ''}`,
          `idle 2-core projection ${Math.round(projected)} events/s, limit ${limit(mode, node, pg)}`,
          // Stateless collectors scale out behind a load balancer until PostgreSQL's cores run out.
          pg
            ? `PostgreSQL alone on 2 cores ≈ ${Math.round(2e6 / pg)} events/s ≈ ${Math.ceil(2e6 / pg / (1e6 / node))} collector cores`
            : '',
          r.non2xx || r.errors ? `non-2xx ${r.non2xx}, errors ${r.errors}` : '',
          // New rows, not duplicates: every id is fresh (in-flight requests at the stop count too).
          mode === 'noop' ? '' : `stored ${stored} (2xx × 50 = ${r['2xx'] * 50})`,
          `load ${loadavg()[0]!.toFixed(1)}`,
        ]
          .filter(Boolean)
          .join(' | '),
      )
    }
  } finally {
    await child.stop()
  }
}

async function main() {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? process.argv[i + 1]! : fallback
  }
  const duration = Number(arg('duration', '10'))
  const connections = arg('connections', '1,4,16,64').split(',').map(Number)
  const databaseUrl = process.env.DATABASE_URL || process.env.LINGER_TEST_DATABASE_URL
  const modes = arg('modes', databaseUrl ? 'noop,pglite,postgres' : 'noop,pglite').split(',') as Mode[]
  console.log(
    `collector ingest, ${duration} s per run, 50 events per batch (~${(makeBatch().length / 1024).toFixed(1)} KiB), ${
      cpus().length
    } cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
  )
  for (const mode of modes) {
    if (mode === 'postgres' && !databaseUrl) {
      console.log('postgres: skipped, set DATABASE_URL or LINGER_TEST_DATABASE_URL')
      continue
    }
    await run(mode, mode === 'noop' ? [connections.at(-2) ?? 16] : connections, duration, databaseUrl)
  }
}

if (process.argv[2] === '--serve') await serveCollector(process.argv[3] as Mode)
else await main()
