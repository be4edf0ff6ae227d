/**
 * Issue 23's page-load target (≤ 40 ms net at 4×, no long task of ours) against its floor: the
 * bench's product page with no script, with only the browser calls Linger makes at page load
 * (`lib/floor.ts`: storage, locks, ids, one batch; no logic), and with Linger, alternating in fresh
 * contexts. What the floor costs, any script that keeps events across a closing tab the way Linger
 * does pays before its first line of logic.
 *
 *   pnpm --filter @linger/bench exec tsx floor.ts [--runs 15]   (build the embed first)
 *
 * Writes results/floor.md.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { launch } from './lib/browser'
import { floor } from './lib/floor'
import { baselineOf, loadCells } from './lib/loadCells'
import { type LoadSample, loadOnce } from './lib/mainThread'
import { linger, none, type Script } from './lib/peers'
import { root, startBenchServer } from './lib/server'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const runs = Number(values.runs)
const scripts: Script[] = [none, floor, linger]
const speeds = [1, 4]

const server = await startBenchServer()
const browser = await launch()
const samples = new Map<string, LoadSample[]>()
try {
  for (const cpu of speeds)
    for (let r = 0; r < runs; r++) {
      for (const s of scripts) {
        const key = `${cpu}:${s.id}`
        samples.set(key, [...(samples.get(key) ?? []), await loadOnce(browser, server, s, cpu)])
      }
      console.error(`floor: ${cpu}× round ${r + 1}/${runs}`)
    }
} finally {
  await browser.close()
  await server.close()
}

const rows: string[] = []
for (const cpu of speeds) {
  const base = baselineOf(samples.get(`${cpu}:none`)!)
  for (const s of scripts)
    rows.push(
      `| ${cpu}× | ${s.label} | ${loadCells(samples.get(`${cpu}:${s.id}`)!, s.id === 'none' ? undefined : base)} |`,
    )
}
const md = [
  "# Linger's page-load scripting against its floor",
  '',
  `Measured ${new Date().toISOString()}; the bench's product page, ${runs} rounds per speed, fresh context per load, alternating. Scripting = CDP \`ScriptDuration\` after load + 500 ms network idle, median (interquartile range); net = minus the page alone.`,
  '',
  '| CPU | script | scripting, ms | net, ms | long tasks (median count, ms) |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n')
console.log(md)
writeFileSync(join(root, 'bench/results/floor.md'), md)
