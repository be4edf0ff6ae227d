/**
 * Retention report benchmark: seeds 100,000 and 1,000,000 events of the demo shop (the seed
 * command's generator, a year ending 2026-12-01) into embedded PGlite and, when DATABASE_URL or
 * LINGER_TEST_DATABASE_URL is set, into PostgreSQL (a throwaway schema, dropped afterwards), then
 * times `retentionReport` for the last month and for the whole year. Goal: a month of a
 * 1,000,000-event site in under 1 s.
 *
 *   pnpm exec tsx bench/retention.ts [--sizes 100000,1000000]
 *
 * The report reads the `orders` table (primary key (site, order_key), index orders_site_ts),
 * `identities` (primary key (site, visitor_id)) and, for segments, events_site_type_ts.
 */
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { type Db, openDatabase } from '../packages/collector/src/db'
import { retentionReport } from '../packages/collector/src/report/retention/retentionReport'
import { generateEvents } from '../packages/collector/src/seed/generateEvents'
import { type EventRow, insertEvents } from '../packages/collector/src/seed/insertEvents'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100000,1000000' } } })
const sizes = values.sizes.split(',').map(Number)
const postgresUrl = process.env.DATABASE_URL || process.env.LINGER_TEST_DATABASE_URL
const site = 'demo-shop'
const end = new Date('2026-12-01T00:00:00Z')
const periods = [
  { name: 'month', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
  { name: 'year', from: '2025-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
]

/** Writes the first `count` events of a seed big enough to have them (~16 events a visitor). */
async function load(db: Db, count: number): Promise<number> {
  let batch: EventRow[] = []
  let written = 0
  for (const row of generateEvents({ site, visitors: Math.ceil(count / 12), months: 12, seed: 42, end })) {
    batch.push(row)
    if (batch.length === 5000 || written + batch.length === count) {
      await insertEvents(db, batch)
      written += batch.length
      batch = []
      if (written === count) break
    }
  }
  if (batch.length) await insertEvents(db, batch)
  await db.exec('analyze')
  return written + batch.length
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Median wall time of `runs` calls after a warm-up, and the median CPU time of this process —
 * all of the work for PGlite (it runs in-process), only the client's share for PostgreSQL. On a
 * busy machine the CPU figure is the steadier one.
 */
async function time(fn: () => Promise<unknown>, runs = 3): Promise<{ wall: number; cpu: number }> {
  await fn() // warm-up: caches, JIT, query plans
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const startedCpu = cpuMs()
    await fn()
    wall.push(performance.now() - started)
    cpu.push(cpuMs() - startedCpu)
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!
  return { wall: median(wall), cpu: median(cpu) }
}

const targets: { kind: string; open: () => Promise<{ db: Db; drop: () => Promise<void> }> }[] = [
  {
    kind: 'pglite',
    open: async () => {
      const db = await openDatabase({ dataDir: 'memory://' })
      return { db, drop: () => db.close() }
    },
  },
]
if (postgresUrl) {
  targets.push({
    kind: 'postgres',
    open: async () => {
      const schema = `bench_${randomBytes(4).toString('hex')}`
      const db = await openDatabase({ databaseUrl: postgresUrl, schema })
      return {
        db,
        drop: async () => {
          await db.exec(`drop schema ${schema} cascade`)
          await db.close()
        },
      }
    },
  })
} else console.log('(PostgreSQL skipped: set DATABASE_URL or LINGER_TEST_DATABASE_URL)')

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const rows: string[][] = []
for (const target of targets) {
  for (const size of sizes) {
    const { db, drop } = await target.open()
    try {
      const started = performance.now()
      const events = await load(db, size)
      const loadSeconds = ((performance.now() - started) / 1000).toFixed(1)
      for (const period of periods) {
        let orders = 0
        const { wall, cpu } = await time(async () => {
          orders = (await retentionReport(db, { site, from: period.from, to: period.to })).orders
        })
        rows.push([
          target.kind,
          String(events),
          loadSeconds,
          period.name,
          String(orders),
          wall.toFixed(0),
          cpu.toFixed(0),
        ])
        console.log(rows.at(-1)!.join('\t'))
      }
    } finally {
      await drop()
    }
  }
}

const head = ['database', 'events', 'load s', 'period', 'orders to date', 'report ms', 'process CPU ms']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
console.log(
  `\nmedian of 3 runs after a warm-up; load average ${loadAverage()}\n\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}`,
)
