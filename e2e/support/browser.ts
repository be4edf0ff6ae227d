import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Flags our closed network needs: without them Chromium keeps dialling Google's hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Playwright's own Chromium when it was installed, else the system's (Debian's
 * /usr/bin/chromium), else `LINGER_CHROMIUM`. `undefined` means "let Playwright decide".
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.LINGER_CHROMIUM
  if (fromEnv) return fromEnv
  try {
    if (existsSync(chromium.executablePath())) return undefined
  } catch {
    // executablePath() throws when the browser registry has no entry; fall through.
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}
