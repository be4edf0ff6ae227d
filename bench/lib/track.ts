import type { Browser } from '@playwright/test'
import { isolatedContext } from './browser'
import type { BenchServer } from './server'
import { median, quantile } from './stats'

/** Per-call cost of one way of slicing 10,000 calls into tasks. */
export interface TrackCost {
  tasks: number
  perTask: number
  median: number
  p95: number
  best: number
}

/**
 * The public `linger('track', …)` on the real script-tag build, cross-origin isolated (5 µs
 * clock): 10,000 calls, sliced two ways, each slice in its own task after a 2 ms pause that lets
 * delivery drain the queue. Per-call µs of each task. On a shared, oversubscribed machine a long
 * slice is often pre-empted mid-loop, so 200 × 50 gives the steadier median; both are reported.
 */
export async function trackCost(browser: Browser, server: BenchServer) {
  const context = await isolatedContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${server.origin}/p/linger.html?isolate`, { waitUntil: 'load' })
    await page.waitForFunction(() => typeof (window as unknown as { linger?: unknown }).linger === 'function')
    const run = (perTask: number) =>
      page.evaluate(async (perTask) => {
        const linger = (window as unknown as { linger(...a: unknown[]): void }).linger
        const perCall: number[] = []
        for (let g = 0; g < 10_000 / perTask; g++) {
          await new Promise((done) => setTimeout(done, 2))
          const t0 = performance.now()
          for (let i = 0; i < perTask; i++) linger('track', 'product_viewed', { sku: 'apron-1', i })
          perCall.push(((performance.now() - t0) * 1000) / perTask)
        }
        return perCall
      }, perTask)
    await run(100) // warm-up: JIT, the queue's first store writes
    const costs: TrackCost[] = []
    for (const perTask of [500, 50]) {
      const xs = await run(perTask)
      costs.push({
        tasks: 10_000 / perTask,
        perTask,
        median: median(xs),
        p95: quantile(xs, 0.95),
        best: Math.min(...xs),
      })
    }
    const isolated = await page.evaluate(() => crossOriginIsolated)
    return { costs, isolated }
  } finally {
    await context.close()
  }
}
