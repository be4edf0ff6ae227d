import type { Page } from '@playwright/test'

/** An event as the page's local `linger.on('*')` listener saw it. */
export type SeenEvent = Record<string, unknown> & {
  type: string
  visitorId: string
  campaignId?: string
  variant?: string
  userId?: string
}

type AppWindow = Window & { lingerConfig?: unknown; lingerReady?: boolean; events: SeenEvent[] }

/**
 * Opens targeting-app.html with `config` (kept for reloads and later navigations in this
 * page) and waits until Linger is ready.
 */
export async function openApp(
  page: Page,
  url: string,
  config: unknown,
  query = '',
  options: Parameters<Page['goto']>[1] = {},
): Promise<void> {
  await page.addInitScript((c) => {
    ;(window as unknown as AppWindow).lingerConfig = c
  }, config)
  await page.goto(`${url}/targeting-app.html${query}`, options)
  await page.waitForFunction(() => (window as unknown as AppWindow).lingerReady)
}

/** Every event the page emitted so far, in order. */
export const seen = (page: Page): Promise<SeenEvent[]> =>
  page.evaluate(() => (window as unknown as AppWindow).events)

/** The types of those events. */
export const seenTypes = async (page: Page): Promise<string[]> => (await seen(page)).map((e) => e.type)
