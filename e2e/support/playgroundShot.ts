// A screenshot of the marketer's playground (served by the demo shop at /playground/) with a
// campaign previewed, for the README. Used by e2e/screenshots.ts.
import type { Browser } from '@playwright/test'
import { startShop } from '../../examples/shop/server.mjs'

/** Writes `<out>/playground.png`: the editor, the controls and the exit pop-up in both previews. */
export async function playgroundShot(browser: Browser, out: string): Promise<string> {
  const shop = await startShop({ port: 0 })
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    await page.goto(`${shop.url}/playground/`)
    await page.getByRole('button', { name: 'Preview exit-offer' }).click()
    for (const title of ['Desktop preview', 'Mobile preview'])
      await page.frameLocator(`iframe[title="${title}"]`).getByRole('dialog').waitFor()
    const path = `${out}/playground.png`
    await page.screenshot({ path, fullPage: true })
    await context.close()
    return path
  } finally {
    await shop.close()
  }
}
