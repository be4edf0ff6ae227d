import { existsSync } from 'node:fs'
import {
  type Browser,
  type BrowserContext,
  type BrowserType,
  chromium,
  devices,
  firefox,
  type Page,
  webkit,
} from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../../support/browser'
import { pointerGesture } from '../../support/pointerGesture'
import { jsonOnly } from './jsonOnly'
import type { Engine, EngineName, PageFn, PhoneTab, Tab } from './types'

const types: Record<EngineName, BrowserType> = { chromium, firefox, webkit }

/** Whether Playwright's own build of `name` is installed (never the case on the project's machines). */
export function hasPlaywrightBuild(name: EngineName): boolean {
  try {
    return existsSync(types[name].executablePath())
  } catch {
    return false
  }
}

export function playwrightTab(page: Page): Tab {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: <R, A>(fn: PageFn<A, R>, arg?: A) =>
      page.evaluate(jsonOnly(fn) as (a: unknown) => R, arg as unknown),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    async pointer(points) {
      if (page.context().browser()?.browserType().name() !== 'chromium') {
        for (const [x, y] of points) await page.mouse.move(x, y)
        return
      }
      // One gesture over CDP, each move handled before the next (sent all at once, Chromium
      // coalesces them into one mousemove per frame and the page sees no upward travel), each
      // stamped 16 ms after the last, however slowly a loaded machine relays them.
      await pointerGesture(page, points)
    },
    click: (x, y) => page.mouse.click(x, y),
    close: () => page.close({ runBeforeUnload: true }),
  }
}

/**
 * An engine driven by Playwright: Chromium (Playwright's build or Debian's), or Playwright's own
 * Firefox and WebKit builds where a machine has them. One browser per worker, one context per test.
 */
export async function launchPlaywright(name: EngineName): Promise<Engine> {
  const browser: Browser =
    name === 'chromium'
      ? await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
      : await types[name].launch()
  let context: BrowserContext | undefined
  let phone: BrowserContext | undefined
  return {
    name,
    version: `${name === 'chromium' ? 'Chromium' : name === 'firefox' ? 'Firefox' : 'WebKit'} ${browser.version()}`,
    driver: name === 'chromium' ? 'Playwright' : 'Playwright (its own build)',
    // Touch: a swipe that really scrolls needs CDP's touch events (Playwright's touchscreen only taps).
    can: { offline: true, touch: name === 'chromium', pointerOut: true },
    why:
      name === 'chromium'
        ? {}
        : { touch: "Playwright's touchscreen only taps; real swipes need Chromium's CDP" },
    async newTab() {
      if (!context) {
        context = await browser.newContext()
        // An idle tab for the test's life: closing a test's last tab must not end the context.
        await context.newPage()
      }
      return playwrightTab(await context.newPage())
    },
    async phoneTab(): Promise<PhoneTab> {
      phone ??= await browser.newContext({ ...devices['Pixel 7'] })
      const page = await phone.newPage()
      return { ...playwrightTab(page), swipe: (fromY, toY, steps) => swipe(page, fromY, toY, steps) }
    },
    async grantNotifications(origin) {
      await context?.grantPermissions(['notifications'], { origin })
      return !!context
    },
    setOffline: async (on) => context?.setOffline(on),
    async reset() {
      await context?.close().catch(() => {})
      await phone?.close().catch(() => {})
      context = phone = undefined
    },
    close: () => browser.close(),
  }
}

/**
 * A finger swipe as CDP touch events, which Chromium turns into real scrolling (one scroll event
 * per move, no fling after the finger lifts; checked in Chromium 156).
 */
async function swipe(page: Page, fromY: number, toY: number, steps: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const at = (y: number) => ({ touchPoints: [{ x: 200, y }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', ...at(fromY) })
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      ...at(fromY + ((toY - fromY) * i) / steps),
    })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
