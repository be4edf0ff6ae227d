import { existsSync } from 'node:fs'
import puppeteer, { type Browser, type BrowserContext, type KeyInput, type Page } from 'puppeteer-core'
import { jsonOnly } from './jsonOnly'
import type { Engine, PageFn, Tab } from './types'

type BidiContext = { performActions(actions: unknown[]): Promise<void> }

/** Debian's Firefox ESR, or LINGER_FIREFOX. */
export function firefoxBinary(): string | undefined {
  const candidates = [process.env.LINGER_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox']
  return candidates.find((c): c is string => !!c && existsSync(c))
}

/** A puppeteer page as an engine-neutral tab (Firefox over WebDriver BiDi). */
export function puppeteerTab(page: Page): Tab {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: <R, A>(fn: PageFn<A, R>, arg?: A) =>
      page.evaluate(jsonOnly(fn) as (a: unknown) => R | Promise<R>, arg ?? null) as Promise<R>,
    async press(key) {
      // Puppeteer names the space bar by its key value, ' ' (Playwright and WebDriver: 'Space').
      const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k)) as KeyInput[]
      for (const k of keys) await page.keyboard.down(k)
      for (const k of keys.reverse()) await page.keyboard.up(k)
    },
    type: (text) => page.keyboard.type(text),
    async pointer(points) {
      // One input sequence, as a hand makes them: mouse.move() per point would be one BiDi
      // round trip each, far slower than a real flick on a loaded machine. (Puppeteer's
      // browsingContext is internal; its performActions is BiDi's input.performActions.)
      const context = (page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext
      const moves = points.map(([x, y]) => ({
        type: 'pointerMove',
        x: Math.round(x),
        y: Math.round(y),
        duration: 16,
      }))
      await context.performActions([{ type: 'pointer', id: '__puppeteer_mouse', actions: moves }])
    },
    click: (x, y) => page.mouse.click(x, y),
    close: () => page.close({ runBeforeUnload: true }),
  }
}

/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright needs its own patched
 * Firefox, which cannot be downloaded here). One browser per worker, one user context per test.
 */
export async function launchFirefox(): Promise<Engine> {
  const executablePath = firefoxBinary()
  if (!executablePath) throw new Error('Firefox: no firefox-esr found (apt-get install firefox-esr)')
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      // No updates, telemetry or remote settings on a closed network.
      'app.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
    },
  })
  let context: BrowserContext | undefined
  let offline = false
  const pages: Page[] = []
  return {
    name: 'firefox',
    version: (await browser.version()).replace('/', ' '),
    driver: 'puppeteer-core over WebDriver BiDi',
    can: { offline: true, touch: false, pointerOut: false },
    why: {
      touch:
        "headless Firefox takes WebDriver BiDi touch input (touchstart, pointerType 'touch') and a phone's coarse pointer and screen (prefs), but does not scroll the page by touch, so no swipe can happen",
      pointerOut: 'WebDriver BiDi refuses pointer moves outside the viewport ("move target out of bounds")',
    },
    async newTab() {
      context ??= await browser.createBrowserContext()
      // A window, not a tab: a background tab is `hidden`, which is another scenario.
      const page = await context.newPage({ type: 'window' })
      if (offline) await page.setOfflineMode(true)
      pages.push(page)
      return puppeteerTab(page)
    },
    phoneTab: async () => {
      throw new Error('Firefox: no phone emulation through WebDriver BiDi here (see can.touch)')
    },
    async grantNotifications(origin) {
      // WebDriver BiDi permissions.setPermission.
      return (
        !!context &&
        (await context.overridePermissions(origin, ['notifications']).then(
          () => true,
          () => false,
        ))
      )
    },
    async setOffline(on) {
      offline = on
      for (const page of pages) if (!page.isClosed()) await page.setOfflineMode(on)
    },
    async reset() {
      offline = false
      pages.length = 0
      await context?.close().catch(() => {})
      context = undefined
    },
    close: () => browser.close(),
  }
}
