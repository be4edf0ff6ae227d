// The collector's dashboard on the seeded demo year, at a laptop's and a phone's width: the
// README's screenshots (e2e/screenshots.ts) and the layout spec (shop-dashboard.spec.ts).
import type { Browser, Page } from '@playwright/test'
import { SHOP_SEED, type ShopStack, startShopStack } from './shop'

/** The 90 seeded days that end with November 2026 (SHOP_SEED ends on 2026-12-01). */
export const SHOT_PERIOD = { from: '2026-09-02', to: '2026-11-30' }

export const dashboardViewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
}

/** Signs in to the dashboard and shows SHOT_PERIOD of the seeded shop, every section drawn. */
export async function showSeededPeriod(page: Page, stack: ShopStack): Promise<void> {
  await page.goto(`${stack.collectorUrl}/`)
  await page.getByLabel(/Admin token/).fill(stack.adminToken)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // It opens on the site the data has; then the seeded period is asked for.
  await page.locator('#nps .figure').waitFor()
  await page.getByLabel('From').fill(SHOT_PERIOD.from)
  await page.getByLabel('To (inclusive)').fill(SHOT_PERIOD.to)
  const loaded = page.waitForResponse((r) => r.url().includes(`from=${SHOT_PERIOD.from}`))
  await page.getByRole('button', { name: 'Show' }).click()
  await loaded
  await page.locator('#status:empty').waitFor({ state: 'attached' })
}

/** Writes `<out>/dashboard-<viewport>.png` from a freshly seeded collector. */
export async function dashboardShots(browser: Browser, out: string): Promise<string[]> {
  const stack = await startShopStack({ seed: SHOP_SEED })
  const written: string[] = []
  try {
    for (const [name, viewport] of Object.entries(dashboardViewports)) {
      const context = await browser.newContext({ viewport, colorScheme: 'light', reducedMotion: 'reduce' })
      const page = await context.newPage()
      await showSeededPeriod(page, stack)
      const path = `${out}/dashboard-${name}.png`
      await page.screenshot({ path, fullPage: true })
      written.push(path)
      await context.close()
    }
  } finally {
    await stack.close()
  }
  return written
}
