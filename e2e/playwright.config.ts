import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './support/browser'

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // One retry: a few timing-bound specs (touch swipes, fake-clock survey flushes) flake on a
  // loaded 2-core machine; the list reporter names every flaky test, so none is hidden.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
})
