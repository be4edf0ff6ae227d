// The README's screenshots, in real Chromium: every widget at desktop (1280×800) and mobile
// (390×844) sizes, light (and the modal once in dark), into docs/screenshots/<widget>-<viewport>.png;
// the collector's dashboard on the seeded demo year at 1280 px and 390 px (dashboard-desktop.png,
// dashboard-phone.png); the playground (playground.png).
// Run: npm run screenshots (builds first; the shop serves linger.js and the playground from dist).
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './support/browser'
import { dashboardShots } from './support/dashboardShots'
import { playgroundShot } from './support/playgroundShot'
import { startFixtureServer } from './support/server'
import { harness, samples, type WidgetSpec } from './support/widgets-samples'

const out = resolve(fileURLToPath(import.meta.url), '../../docs/screenshots')
const viewports = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } }

const shots: Array<[string, WidgetSpec]> = Object.entries(samples)
shots.push(['popup-modal-dark', { ...samples['popup-modal']!, theme: { mode: 'dark', color: '#f59e0b' } }])

mkdirSync(out, { recursive: true })
const server = await startFixtureServer()
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  for (const [vp, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce', colorScheme: 'light' })
    const page = await context.newPage()
    for (const [name, spec] of shots) {
      // On a phone a modal already is the sheet: popup-modal-mobile shows it.
      if (vp === 'mobile' && name === 'popup-sheet') continue
      await page.goto(`${server.url}/blank.html`)
      await page.goto(server.url + harness(spec))
      await page.locator('linger-widget').locator('.p,.ts').first().waitFor()
      await page.screenshot({ path: `${out}/${name}-${vp}.png` })
      console.log(`docs/screenshots/${name}-${vp}.png`)
    }
    await context.close()
  }
  for (const path of [...(await dashboardShots(browser, out)), await playgroundShot(browser, out)])
    console.log(`docs/screenshots/${path.split('/').pop()}`)
} finally {
  await browser.close()
  await server.close()
}
