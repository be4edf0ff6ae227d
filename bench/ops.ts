/**
 * Issue 23, "nothing runs before it is needed": what Linger asks of the browser while the demo
 * shop's product page loads — IndexedDB opens and transactions (per store), Web Lock requests and
 * queries, localStorage writes and removals, requests — on a fresh visit and on the next page of
 * the same visit. Each is a call into the browser, several an IPC, and on a fresh profile the first
 * of a kind opens a backend. Unlike timings on a shared machine (±30 % run to run), these counts
 * are the same every run: they show what a change saves that a timing could not resolve.
 *
 *   pnpm --filter @linger/bench exec tsx ops.ts   (build the embed first)
 *
 * Writes results/ops.md.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startShopStack } from '../e2e/support/shop'
import { launch } from './lib/browser'
import { root } from './lib/server'

type Op = { at: number; what: string }

/** Wraps the storage and network calls in the page, before any script runs; logs each with its time. */
function watchCalls() {
  const log: Op[] = []
  ;(window as unknown as { __ops: Op[] }).__ops = log
  const note = (what: string) => log.push({ at: performance.now(), what })
  // Keys end in a random id per page: the kind of key is what counts.
  const kind = (key: string) => key.replace(/:[\w-]{10,}$/, ':…')
  const wrap = <T extends object>(proto: T, name: keyof T, what: (self: T, args: unknown[]) => string) => {
    const original = proto[name] as (...a: unknown[]) => unknown
    proto[name] = function (this: T, ...args: unknown[]) {
      note(what(this, args))
      return original.apply(this, args)
    } as T[keyof T]
  }
  wrap(IDBFactory.prototype, 'open', (_, [name]) => `IndexedDB open ${name}`)
  wrap(IDBDatabase.prototype, 'transaction', (db, [stores, mode]) => {
    return `IndexedDB ${mode ?? 'readonly'} transaction ${db.name}/${([] as string[]).concat(stores as string).join('+')}`
  })
  wrap(LockManager.prototype, 'request', (_, [name]) => `Web Lock request ${kind(name as string)}`)
  wrap(LockManager.prototype, 'query', () => 'Web Locks query')
  wrap(Storage.prototype, 'setItem', (_, [key]) => `localStorage setItem ${kind(key as string)}`)
  wrap(Storage.prototype, 'removeItem', (_, [key]) => `localStorage removeItem ${kind(key as string)}`)
  wrap(window, 'fetch', (_, [url]) => `fetch ${new URL(String(url), location.href).pathname}`)
  wrap(
    Navigator.prototype,
    'sendBeacon',
    (_, [url]) => `sendBeacon ${new URL(String(url), location.href).pathname}`,
  )
}

const stack = await startShopStack()
const browser = await launch()
const visits: Record<string, Op[]> = {}
try {
  const context = await browser.newContext()
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
  await context.addInitScript('window.__name = (f) => f')
  await context.addInitScript(watchCalls)
  for (const visit of ['fresh visit', 'next page']) {
    const page = await context.newPage()
    await page.goto(`${stack.shopUrl}/products/mug`, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    // Lighthouse's quiet window: what runs at idle after load counts too.
    await page.waitForTimeout(3000)
    visits[visit] = await page.evaluate(() => (window as unknown as { __ops: Op[] }).__ops)
    await page.close()
  }
} finally {
  await browser.close()
  await stack.close()
}

const counts = (ops: Op[]) => {
  const by = new Map<string, number>()
  for (const { what } of ops) by.set(what, (by.get(what) ?? 0) + 1)
  return by
}
const names = [...new Set(Object.values(visits).flatMap((ops) => ops.map((o) => o.what)))].sort()
const columns = Object.keys(visits)
const total = (prefix: string, visit: string) =>
  visits[visit]!.filter((o) => o.what.startsWith(prefix)).length
const totals: [label: string, prefixes: string[]][] = [
  ['IndexedDB opens', ['IndexedDB open']],
  ['IndexedDB transactions', ['IndexedDB read']],
  ['Web Lock requests and queries', ['Web Lock']],
  ['localStorage writes and removals', ['localStorage']],
  ['requests (fetch, sendBeacon)', ['fetch', 'sendBeacon']],
]
const md = [
  "# What Linger asks of the browser while the shop's product page loads",
  '',
  `Measured ${new Date().toISOString()}; /products/mug, load + network idle + 3 s; a fresh context, then the next page in it.`,
  '',
  `| call | ${columns.join(' | ')} |`,
  `| --- | ${columns.map(() => '---:').join(' | ')} |`,
  ...totals.map(
    ([label, prefixes]) =>
      `| **${label}** | ${columns.map((v) => prefixes.reduce((n, p) => n + total(p, v), 0)).join(' | ')} |`,
  ),
  ...names.map(
    (name) => `| ${name} | ${columns.map((v) => counts(visits[v]!).get(name) ?? 0).join(' | ')} |`,
  ),
  '',
].join('\n')
console.log(md)
writeFileSync(join(root, 'bench/results/ops.md'), md)
