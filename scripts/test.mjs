// `npm test`: every test layer, from a fresh clone. Installs what it needs, runs
// lint + types, the build, the size check, the door test (the packed packages installed
// outside the repository), unit tests (vitest + happy-dom) and the browser tests
// (Playwright in real Chromium), then prints one summary line with the counts.
import { readFileSync, rmSync } from 'node:fs'
import { startPostgres } from './postgres.mjs'
import {
  ensureChromium,
  ensureEngines,
  installDependencies,
  pnpmCommand,
  postgresBin,
  root,
  run,
} from './setup.mjs'

const pnpm = pnpmCommand()
installDependencies(pnpm)
ensureChromium()
const enginesMissing = ensureEngines()

let postgres
if (!process.env.LINGER_TEST_DATABASE_URL) {
  const bin = postgresBin()
  if (bin) {
    postgres = await startPostgres(bin)
    process.env.LINGER_TEST_DATABASE_URL = postgres.url
  } else {
    console.warn('test: no PostgreSQL server found; the collector tests run on PGlite only')
  }
}

// File filters first: --project takes every word after it.
const ENGINES_IN_NPM_TEST = 'script-tag early-leave delivery storage --project firefox --project webkit'

const counts = { passed: 0, failed: 0, skipped: 0 }
const engineCounts = {}
const failedLayers = []
function layer(name, command, readCounts) {
  console.log(`\n── ${name} ──`)
  const status = run(command)
  const c = readCounts?.()
  if (c) for (const k of Object.keys(counts)) counts[k] += c[k]
  if (status !== 0) failedLayers.push(name)
}
function readJson(path) {
  try {
    return JSON.parse(readFileSync(`${root}/${path}`, 'utf8'))
  } catch {
    return undefined
  }
}

try {
  layer('lint and format (biome)', `${pnpm} exec biome check .`)
  // tsconfig.build.json: the browser packages must also compile without Node's types.
  layer('types (tsc)', `${pnpm} exec tsc -p tsconfig.json && ${pnpm} exec tsc -p tsconfig.build.json`)
  layer('build', `${pnpm} run build`)
  layer('README config reference in sync with schema.json', 'node scripts/config-reference.mjs')
  layer('size budgets (brotli, README table)', `${pnpm} --filter @linger/embed run size`)
  rmSync(`${root}/test-results`, { recursive: true, force: true })
  layer(
    'door (packed tarballs in a scratch app, outside the repository)',
    'node scripts/door.mjs --built',
    () => readJson('test-results/door.json'),
  )
  layer(
    'unit tests (vitest, happy-dom)',
    `${pnpm} exec vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json`,
    () => {
      const r = readJson('test-results/vitest.json')
      return (
        r && {
          passed: r.numPassedTests,
          failed: r.numFailedTests,
          skipped: r.numPendingTests + r.numTodoTests,
        }
      )
    },
  )
  layer(
    'browser tests (Playwright, Chromium)',
    `${pnpm} exec playwright test -c e2e/playwright.config.ts`,
    () => {
      const r = readJson('e2e/test-results/results.json')
      return (
        r && {
          passed: r.stats.expected + r.stats.flaky,
          failed: r.stats.unexpected,
          skipped: r.stats.skipped,
        }
      )
    },
  )
  layer(
    'browser engines (the same scenarios in Chromium, Firefox ESR, WebKitGTK)',
    // CI's share: the zero-loss scenarios in the two engines the Chromium layer doesn't cover.
    // Every scenario in all three: `npm run test:engines` (about 10 minutes here).
    `${pnpm} exec playwright test -c e2e/engines/playwright.config.ts ${ENGINES_IN_NPM_TEST}`,
    () => {
      const r = readJson('e2e/engines/test-results/results.json')
      if (!r) return undefined
      // Per engine (one Playwright project each): counted from every test's result.
      const per = {}
      const walk = (suite) => {
        for (const s of suite.suites ?? []) walk(s)
        for (const spec of suite.specs ?? [])
          for (const t of spec.tests) {
            per[t.projectName] ??= { passed: 0, failed: 0, skipped: 0 }
            const c = per[t.projectName]
            const status =
              t.status === 'expected' || t.status === 'flaky'
                ? 'passed'
                : t.status === 'skipped'
                  ? 'skipped'
                  : 'failed'
            c[status]++
            // A skip says why (the engine or its driver cannot): printed, never silent.
            if (status === 'skipped')
              for (const a of t.annotations ?? [])
                if (a.type === 'skip')
                  console.log(`skipped in ${t.projectName}: ${spec.title} — ${a.description}`)
          }
      }
      for (const s of r.suites) walk(s)
      const line = Object.entries(per).map(
        ([e, c]) => `${e} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`,
      )
      console.log(`engines: ${line.join(' · ')}`)
      Object.assign(engineCounts, per)
      return {
        passed: r.stats.expected + r.stats.flaky,
        failed: r.stats.unexpected,
        skipped: r.stats.skipped,
      }
    },
  )
} finally {
  postgres?.stop()
}

console.log('')
if (failedLayers.length) console.log(`failed layers: ${failedLayers.join(', ')}`)
if (enginesMissing.length) console.log(`engines: could not install ${enginesMissing.join(', ')}`)
const perEngine = Object.entries(engineCounts).map(
  ([e, c]) => `${e} ${c.passed}/${c.passed + c.failed + c.skipped}`,
)
if (perEngine.length) console.log(`browser engines (passed/run): ${perEngine.join(', ')}`)
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(failedLayers.length ? 1 : 0)
