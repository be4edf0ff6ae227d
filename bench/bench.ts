/**
 * Linger beside its peers, side by side in one run: bytes, main-thread cost of a page load
 * (1× and 4× CPU slowdown), reaction times, and the event pipeline. Prints one table and
 * writes bench/results/results.md and results.json.
 *
 *   pnpm --filter @linger/bench bench      (or `npm run bench` at the root: installs and builds first)
 *   options: --runs 15 --slow-runs 9 --budget 270 (seconds for both main-thread phases)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { launch } from './lib/browser'
import { downloadedSize, scriptBytes } from './lib/bytes'
import { machine } from './lib/machine'
import { type LoadSample, loadOnce } from './lib/mainThread'
import { linger, none, peers, type Script } from './lib/peers'
import { pipelineRows } from './lib/pipeline'
import { answerReaction, exitReaction } from './lib/reaction'
import { type Results, render } from './lib/report'
import { root, startBenchServer } from './lib/server'
import { summarize } from './lib/stats'
import { trackCost } from './lib/track'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'slow-runs': { type: 'string', default: '9' },
    budget: { type: 'string', default: '270' },
    'exit-runs': { type: 'string', default: '5' },
    'answer-runs': { type: 'string', default: '7' },
    'skip-pipeline': { type: 'boolean', default: false },
  },
})
const started = Date.now()
const log = (what: string) => console.error(`bench: ${((Date.now() - started) / 1000).toFixed(0)} s  ${what}`)
const scripts: Script[] = [none, linger, ...peers]

/**
 * Alternating rounds (none, linger, peer 1, …) so load on the machine hits every script alike;
 * stops early, after at least 5 rounds, when the phase's time budget is spent.
 */
async function rounds(run: (s: Script) => Promise<LoadSample>, max: number, budgetMs: number) {
  const samples = new Map<string, LoadSample[]>(scripts.map((s) => [s.id, []]))
  const phaseStart = Date.now()
  for (let r = 0; r < max; r++) {
    if (r >= 5 && Date.now() - phaseStart > budgetMs) break
    for (const s of scripts) samples.get(s.id)!.push(await run(s))
    log(`round ${r + 1}/${max}`)
  }
  return samples
}

function summarizeLoads(samples: Map<string, LoadSample[]>) {
  return Object.fromEntries(
    [...samples].map(([id, xs]) => [
      id,
      {
        script: summarize(xs.map((x) => x.script)),
        task: summarize(xs.map((x) => x.task)),
        longTasks: summarize(xs.map((x) => x.longTasks)),
        longTaskMs: summarize(xs.map((x) => x.longTaskMs)),
        unsettled: xs.filter((x) => !x.settled).length,
      },
    ]),
  )
}

async function main() {
  const server = await startBenchServer()
  const browser = await launch()
  const loadStart = loadavg()
  const budget = Number(values.budget) * 1000
  try {
    log('bytes (one load per script, bodies kept)')
    server.keepBodies = true
    const bytes: Results['bytes'] = {}
    for (const s of scripts) {
      if (s.id === 'none') continue
      const sample = await loadOnce(browser, server, s, 1)
      const bodies = new Map(sample.served.map((x) => [x.path, x.body!]))
      bytes[s.id] = { ...scriptBytes(s), downloaded: downloadedSize(bodies), files: [...bodies.keys()] }
    }
    server.keepBodies = false

    log('main thread, 1× CPU')
    const fast = await rounds((s) => loadOnce(browser, server, s, 1), Number(values.runs), budget * 0.55)
    log('main thread, 4× CPU slowdown')
    const slow = await rounds(
      (s) => loadOnce(browser, server, s, 4),
      Number(values['slow-runs']),
      budget * 0.45,
    )

    log('reaction: exit gesture → visible pop-up')
    const exit = await exitReaction(browser, server, Number(values['exit-runs']))
    log('reaction: survey answer → IndexedDB')
    const answer = await answerReaction(browser, server, Number(values['answer-runs']))
    log('track() cost')
    const track = await trackCost(browser, server)
    const chromium = browser.version()
    await browser.close()
    await server.close()

    log('pipeline (bench/pipeline.ts)')
    const pipeline = values['skip-pipeline'] ? [] : await pipelineRows()

    const results: Results = {
      machine: { ...machine(chromium), loadAverageAtStart: loadStart.map((l) => Number(l.toFixed(2))) },
      seconds: Math.round((Date.now() - started) / 1000),
      scripts: scripts.map((s) => ({ id: s.id, label: s.label })),
      bytes,
      mainThread: { '1x': summarizeLoads(fast), '4x': summarizeLoads(slow) },
      reaction: {
        exitFirst: summarize(exit.first),
        exitCached: summarize(exit.cached),
        chunkRefetchedOnCachedRun: exit.refetched,
        answerToIndexedDb: summarize(answer),
      },
      track,
      pipeline,
    }
    const md = render(results)
    console.log(md)
    const dir = join(root, 'bench/results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'results.md'), md)
    writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    // The README shows the latest table, between its markers.
    const readme = join(root, 'bench/README.md')
    writeFileSync(
      readme,
      readFileSync(readme, 'utf8').replace(
        /<!-- results:start -->[\s\S]*<!-- results:end -->/,
        `<!-- results:start -->\n${md.replace(/^# .*\n\n/, '')}\n<!-- results:end -->`,
      ),
    )
    log('wrote bench/results/results.md, results.json and the table in bench/README.md')
  } finally {
    await browser.close().catch(() => {})
    await server.close().catch(() => {})
  }
}

await main()
