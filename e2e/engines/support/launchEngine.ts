import { launchFirefox } from './firefoxEngine'
import { hasPlaywrightBuild, launchPlaywright } from './playwrightEngine'
import type { Engine, EngineName } from './types'
import { launchWebKit } from './webkitEngine'

/**
 * Starts `name` with the best driver this machine has: Playwright for Chromium, and for Firefox
 * and WebKit when Playwright's own builds are installed (detected, not assumed); otherwise
 * Debian's Firefox ESR over WebDriver BiDi and WebKitGTK over WebDriver.
 * LINGER_ENGINES_DRIVER=stock forces the Debian builds even where Playwright's exist.
 */
export function launchEngine(name: EngineName): Promise<Engine> {
  const stock = process.env.LINGER_ENGINES_DRIVER === 'stock'
  if (name === 'chromium' || (!stock && hasPlaywrightBuild(name))) return launchPlaywright(name)
  return name === 'firefox' ? launchFirefox() : launchWebKit()
}
