import { existsSync } from 'node:fs'
import {
  type Browser,
  type BrowserContext,
  type BrowserType,
  chromium,
  firefox,
  type Page,
  webkit,
} from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../../support/browser'
import { jsonOnly } from './jsonOnly'
import type { Engine, EngineName, PageFn, Tab } from './types'

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
      for (const [x, y] of points) await page.mouse.move(x, y)
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
  return {
    name,
    version: `${name === 'chromium' ? 'Chromium' : name === 'firefox' ? 'Firefox' : 'WebKit'} ${browser.version()}`,
    driver: name === 'chromium' ? 'Playwright' : 'Playwright (its own build)',
    can: { offline: true, touch: true, pointerOut: true },
    async newTab() {
      if (!context) {
        context = await browser.newContext()
        // An idle tab for the test's life: closing a test's last tab must not end the context.
        await context.newPage()
      }
      return playwrightTab(await context.newPage())
    },
    setOffline: async (on) => context?.setOffline(on),
    async reset() {
      await context?.close().catch(() => {})
      context = undefined
    },
    close: () => browser.close(),
  }
}
