// Theme values from a config are CSS values, never something that loads (issue 25, finding 4):
// `theme.color: "url(//tracker.example/pixel.png)"` used to become the button's background,
// and the browser fetched it. Checked twice: through the shipped linger.js (the validator drops
// the field and says so) and with the widgets mounted straight from an unvalidated theme (the
// widgets write only values that parse).
import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'
import { popupSpec } from '../support/widgets-samples'

const hostile = [
  'url(//tracker.example/pixel.png)',
  'image-set("//tracker.example/a.png" 1x)',
  'red;background-image:url(//tracker.example/b.png)',
  'rgb(0 0 0) url(//tracker.example/c.png)',
]

/** Every request the page makes to the tracker's host. */
const trackerRequests = (page: Page) => {
  const seen: string[] = []
  page.on('request', (r) => r.url().includes('tracker.example') && seen.push(r.url()))
  return seen
}

test('widgets mounted with a hostile theme write the default accent and fetch nothing', async ({
  page,
  server,
}) => {
  const seen = trackerRequests(page)
  await page.goto(`${server.url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  for (const color of hostile) {
    const spec = { ...popupSpec('modal'), theme: { color, font: color } }
    await page.evaluate((s) => window.mountCampaign(s), spec)
    const cta = page.getByRole('link', { name: 'Shop now' })
    await expect(cta).toBeVisible()
    await expect(cta).toHaveCSS('background-color', 'rgb(79, 70, 229)')
    await expect(cta).toHaveCSS('background-image', 'none')
  }
  await page.waitForLoadState('networkidle')
  expect(seen).toEqual([])
})

test('linger.js with theme.color url(…): a warning at theme.color, the default accent, no request', async ({
  page,
  server,
}) => {
  const seen = trackerRequests(page)
  const warnings: string[] = []
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
  const config = {
    version: 1,
    site: 'theme-test',
    theme: { color: hostile[0] },
    campaigns: [
      {
        id: 'offer',
        kind: 'popup',
        trigger: { type: 'pageview' },
        content: { title: 'Themed', cta: { label: 'Shop now', href: '/cart' } },
      },
    ],
  }
  await page.goto(`${server.url}/blank.html`)
  await page.evaluate((c) => sessionStorage.setItem('linger-test-config', c), JSON.stringify(config))
  await page.goto(`${server.url}/reliability-config.html`)
  const cta = page.getByRole('link', { name: 'Shop now' })
  await expect(cta).toBeVisible()
  await expect(cta).toHaveCSS('background-color', 'rgb(79, 70, 229)')
  await expect(cta).toHaveCSS('background-image', 'none')
  expect(warnings.some((w) => w.startsWith('linger: theme.color'))).toBe(true)
  await page.waitForLoadState('networkidle')
  expect(seen).toEqual([])
})
