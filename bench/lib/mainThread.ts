import type { Browser } from '@playwright/test'
import { isolatedContext } from './browser'
import type { Script } from './peers'
import type { BenchServer, Served } from './server'

/** What one page load cost the main thread (ms), and what it downloaded. */
export interface LoadSample {
  script: number
  task: number
  longTasks: number
  longTaskMs: number
  served: Served[]
  settled: boolean
}

// Collects long tasks from the start of the page (buffered would drop those before observe()).
const observeLongTasks = () => {
  const w = window as unknown as { __long: number[] }
  w.__long = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push(e.duration)
  }).observe({ type: 'longtask', buffered: true })
}

/**
 * Loads the product page with `script` in a fresh context and reads CDP Performance metrics once
 * the page has loaded and the network has been idle for 500 ms (the script's own init is done).
 */
export async function loadOnce(
  browser: Browser,
  server: BenchServer,
  script: Script,
  cpuRate: number,
): Promise<LoadSample> {
  const context = await isolatedContext(browser)
  try {
    await context.addInitScript(observeLongTasks)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    if (cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    const first = server.served.length
    await page.goto(`${server.origin}/p/${script.id}.html`, { waitUntil: 'load' })
    // Network idle for 500 ms; a script that polls forever is cut off at 15 s and flagged.
    const settled = await page
      .waitForLoadState('networkidle', { timeout: 15_000 })
      .then(() => true)
      .catch(() => false)
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long)
    return {
      script: metric('ScriptDuration'),
      task: metric('TaskDuration'),
      longTasks: long.length,
      longTaskMs: long.reduce((a, b) => a + b, 0),
      served: server.served.slice(first),
      settled,
    }
  } finally {
    await context.close()
  }
}
