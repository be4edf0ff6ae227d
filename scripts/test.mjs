// `npm test`: every test layer, from a fresh clone. Installs what it needs, runs
// lint + types, the build, the size check, the door test (the packed packages installed
// outside the repository), unit tests (vitest + happy-dom) and the browser tests
// (Playwright in real Chromium), then prints one summary line with the counts.
import { readFileSync, rmSync } from 'node:fs'
import { startPostgres } from './postgres.mjs'
import { ensureChromium, installDependencies, pnpmCommand, postgresBin, root, run } from './setup.mjs'

const pnpm = pnpmCommand()
installDependencies(pnpm)
ensureChromium()

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

const counts = { passed: 0, failed: 0, skipped: 0 }
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
} finally {
  postgres?.stop()
}

console.log('')
if (failedLayers.length) console.log(`failed layers: ${failedLayers.join(', ')}`)
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(failedLayers.length ? 1 : 0)
