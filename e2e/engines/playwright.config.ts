import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import type { EngineName } from './support/types'

// The cross-engine suite: the same scenarios in Chromium, Firefox and WebKit, one project per
// engine (so Playwright's counts come per engine). Engines run two at a time at most, each
// worker sharing one browser; `--project firefox` runs one.
const engines: EngineName[] = ['chromium', 'firefox', 'webkit']
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig<object, { engineName: EngineName }>({
  testDir: './scenarios',
  fullyParallel: false,
  workers: Number(process.env.LINGER_ENGINES_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: here('test-results/artifacts'),
  reporter: [['list'], ['json', { outputFile: here('test-results/results.json') }]],
  projects: engines.map((name) => ({ name, use: { engineName: name } })),
})
