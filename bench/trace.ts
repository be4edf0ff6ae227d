/**
 * Issue 23, "nothing runs before it is needed": what of Linger runs while the demo shop's product
 * page loads, and for how long. The page as Lighthouse loads it (the shop stack, a fresh context,
 * 4× CPU slowdown), profiled with V8's sampling CPU profiler over CDP from navigation until `load`,
 * network idle and 3 s more (Lighthouse's quiet window). Sums, per Linger file, the main-thread time
 * spent under its outermost frame (what it runs, and what it calls into: IndexedDB, fetch, …), lists
 * the files requested and when, and the hottest functions.
 *
 *   pnpm --filter @linger/bench exec tsx trace.ts [--runs 5] [--cpu 4]   (build the embed first)
 *
 * Writes results/trace.md. The profiler's own overhead inflates every figure alike: compare runs of
 * this tool with each other, not with Lighthouse's.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startShopStack } from '../e2e/support/shop'
import { launch } from './lib/browser'
import { root } from './lib/server'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, cpu: { type: 'string', default: '4' } },
})
const runs = Number(values.runs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const fileOf = (url: string) => url.match(/\/linger\/([\w.-]+\.js)/)?.[1]

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

/** Milliseconds under each Linger file's outermost frame, and self time per Linger function. */
function attribute(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const perFile = new Map<string, number>()
  const perFunction = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const self = byId.get(id)!.callFrame
    const selfFile = fileOf(self.url)
    if (selfFile) {
      const key = `${selfFile}:${self.columnNumber} ${self.functionName || '(anonymous)'}`
      perFunction.set(key, (perFunction.get(key) ?? 0) + ms)
    }
    let outer: string | undefined
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
      outer = fileOf(byId.get(n)!.callFrame.url) ?? outer
    if (outer) perFile.set(outer, (perFile.get(outer) ?? 0) + ms)
  })
  return { perFile, perFunction }
}

const stack = await startShopStack()
const url = `${stack.shopUrl}/products/${process.env.PRODUCT ?? 'mug'}`
const samples: ReturnType<typeof attribute>[] = []
const requested: string[][] = []
const browser = await launch()
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.cpu) })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    const fetched: string[] = []
    const t0 = performance.now()
    page.on('request', (r) => {
      const file = fileOf(r.url())
      if (file) fetched.push(`${file} at ${((performance.now() - t0) / 1000).toFixed(2)} s`)
    })
    await cdp.send('Profiler.start')
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(3000) // Lighthouse's window: it traces on until CPU and network are quiet
    const { profile } = await cdp.send('Profiler.stop')
    samples.push(attribute(profile as Profile))
    requested.push(fetched)
    console.error(`trace: run ${i + 1}/${runs}: ${fetched.join(', ')}`)
    await context.close()
  }
} finally {
  await browser.close()
  await stack.close()
}

const files = [...new Set(samples.flatMap((s) => [...s.perFile.keys()]))].sort()
const fns = new Map<string, number>()
for (const s of samples) for (const [k, v] of s.perFunction) fns.set(k, (fns.get(k) ?? 0) + v / runs)
const dist = join(root, 'packages/embed/dist')
/** Twenty characters of minified source from where the function starts, to tell it apart. */
const around = (key: string) => {
  const [file, col] = key.split(/[: ]/) as [string, string]
  try {
    return readFileSync(join(dist, file), 'utf8')
      .slice(Number(col), Number(col) + 40)
      .replaceAll('`', "'")
  } catch {
    return ''
  }
}
const md = [
  `# Trace: what Linger runs while the shop's product page loads (${values.cpu}× CPU, median of ${runs})`,
  '',
  `Measured ${new Date().toISOString()}; ${url.replace(stack.shopUrl, '')}; V8 CPU profile from navigation to load + network idle + 3 s.`,
  '',
  '| file | ms under its frames, median (min–max) | runs it ran in |',
  '| --- | --- | --- |',
  ...files.map((f) => {
    const ms = samples.map((s) => s.perFile.get(f) ?? 0)
    const ran = ms.filter((x) => x > 0).length
    return `| ${f} | ${median(ms).toFixed(1)} (${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)}) | ${ran} of ${runs} |`
  }),
  `| all of Linger | ${median(samples.map((s) => [...s.perFile.values()].reduce((a, b) => a + b, 0))).toFixed(1)} | |`,
  '',
  'Linger files requested (seconds after navigation start), per run:',
  '',
  ...requested.map((r, i) => `${i + 1}. ${r.join(', ') || 'none'}`),
  '',
  'Hottest Linger functions, self time, mean ms per run (file:column, start of its minified source):',
  '',
  ...[...fns]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => `- ${v.toFixed(1)} ms \`${k}\` \`${around(k)}\``),
  '',
].join('\n')
writeFileSync(join(root, 'bench/results/trace.md'), md)
console.log(md)
