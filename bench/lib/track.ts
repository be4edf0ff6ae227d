import type { Browser } from '@playwright/test'
import { isolatedContext } from './browser'
import type { BenchServer } from './server'
import { median, quantile } from './stats'

/**
 * The public `linger('track', …)` on the real script-tag build, cross-origin isolated (5 µs
 * clock): 10,000 calls in 20 tasks of 500, after 2 warm-up tasks; per-call µs of each task.
 * Each task ends with a 20 ms pause so delivery keeps the queue under its 1,000-event cap.
 */
export async function trackCost(browser: Browser, server: BenchServer) {
  const context = await isolatedContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${server.origin}/p/linger.html?isolate`, { waitUntil: 'load' })
    await page.waitForFunction(() => typeof (window as unknown as { linger?: unknown }).linger === 'function')
    const result = await page.evaluate(async () => {
      const linger = (window as unknown as { linger(...a: unknown[]): void }).linger
      const perCall: number[] = []
      for (let g = 0; g < 22; g++) {
        await new Promise((done) => setTimeout(done, 20))
        const t0 = performance.now()
        for (let i = 0; i < 500; i++) linger('track', 'product_viewed', { sku: 'apron-1', i })
        const t1 = performance.now()
        if (g >= 2) perCall.push(((t1 - t0) * 1000) / 500)
      }
      return { perCall, isolated: crossOriginIsolated }
    })
    return { median: median(result.perCall), p95: quantile(result.perCall, 0.95), isolated: result.isolated }
  } finally {
    await context.close()
  }
}
