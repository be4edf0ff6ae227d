import type { Page } from '@playwright/test'

/**
 * Pauses the page's fake clock at about its present time: a second ahead, since it flows while
 * the call travels and may not go back; further ahead if a loaded machine took longer than that.
 */
export async function pauseClockNow(page: Page): Promise<void> {
  for (let ahead = 1000; ; ahead *= 2) {
    try {
      return await page.clock.pauseAt((await page.evaluate(() => Date.now())) + ahead)
    } catch (error) {
      if (ahead >= 8000 || !String(error).includes('to the past')) throw error
    }
  }
}
