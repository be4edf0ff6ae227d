/**
 * Two builds of the script tag side by side: the bench's product page (its stamped config: an
 * exit-intent pop-up and an NPS survey) loaded with build A, build B and no script, alternating
 * in fresh contexts, so that load on the machine hits both alike. Prints the median main-thread
 * scripting (CDP `ScriptDuration`) and long tasks of each, net of the page alone. For changes
 * too small for the trace's run-to-run spread (±30 %).
 *
 *   cp -r packages/embed/dist /tmp/before    (then change, rebuild the embed)
 *   pnpm --filter @linger/bench exec tsx ab.ts --a /tmp/before [--b ../packages/embed/dist] [--runs 15] [--cpu 4]
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { launch } from './lib/browser'
import { baselineOf, loadCells } from './lib/loadCells'
import { type LoadSample, loadOnce } from './lib/mainThread'
import { linger, none } from './lib/peers'
import { root, startBenchServer } from './lib/server'

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: resolve(root, 'packages/embed/dist') },
    runs: { type: 'string', default: '15' },
    cpu: { type: 'string', default: '4' },
  },
})
if (!values.a) throw new Error('--a <dir of a built packages/embed/dist> is required')
const builds = { A: resolve(values.a), B: resolve(values.b) }
const cpu = Number(values.cpu)
const runs = Number(values.runs)

const server = await startBenchServer()
const browser = await launch()
const samples: Record<'none' | 'A' | 'B', LoadSample[]> = { none: [], A: [], B: [] }
try {
  for (let r = 0; r < runs; r++) {
    // A then B in even rounds, B then A in odd ones: neither always goes first after the baseline.
    const order = r % 2 ? (['none', 'B', 'A'] as const) : (['none', 'A', 'B'] as const)
    for (const variant of order) {
      if (variant !== 'none') server.embedDist = builds[variant]
      samples[variant].push(await loadOnce(browser, server, variant === 'none' ? none : linger, cpu))
    }
    console.error(`ab: round ${r + 1}/${runs}`)
  }
} finally {
  await browser.close()
  await server.close()
}

const base = baselineOf(samples.none)
console.log(`\n${runs} rounds at ${cpu}× CPU; scripting = ScriptDuration, median (interquartile range)\n`)
console.log('| build | scripting | net of the page alone | long tasks (median count, ms) |')
console.log('| --- | --- | --- | --- |')
for (const [name, xs] of Object.entries(samples)) {
  const label = name === 'none' ? 'no script' : `${name}: ${builds[name as 'A' | 'B']}`
  console.log(`| ${label} | ${loadCells(xs, name === 'none' ? undefined : base)} |`)
}
