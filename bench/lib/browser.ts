import { type Browser, type BrowserContext, chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/browser'

/** Chromium that resolves no host but 127.0.0.1 (no internet here, and no peer may phone home). */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  })

const loopback = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//

/**
 * A fresh context in which every request to a non-loopback host is aborted. `route: false` keeps
 * the HTTP cache (Playwright's routing turns it off); the resolver rule above still blocks.
 */
export async function isolatedContext(browser: Browser, { route = true } = {}): Promise<BrowserContext> {
  // A desktop Chrome user agent: with "HeadlessChrome" PostHog drops every event as a bot's.
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, userAgent })
  if (route)
    await context.route(
      (url) => !loopback.test(url.href),
      (r) => r.abort(),
    )
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
  await context.addInitScript('window.__name = (f) => f')
  return context
}
