import { devices } from '@playwright/test'
import { openApp } from '../support/targeting-open'
import { expect, test } from '../support/test'

test('mobile: a modal waits for the first tap on a page reached from a search engine (Google interstitial rule)', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ ...devices['Pixel 5'] })
  const page = await context.newPage()
  const logs: string[] = []
  page.on('console', (m) => logs.push(m.text()))
  await openApp(
    page,
    server.url,
    {
      version: 1,
      site: 'e2e',
      campaigns: [
        {
          id: 'welcome',
          kind: 'popup',
          layout: 'modal',
          trigger: { type: 'pageview' },
          content: { title: 'Welcome offer' },
        },
      ],
    },
    '?linger_debug=1',
    { referer: 'https://www.google.com/' },
  )
  await expect.poll(() => logs.join('\n')).toContain('linger [welcome] not shown (pageview): a mobile modal')
  await expect(page.locator('linger-widget')).toHaveCount(0)
  await page.getByRole('heading', { name: 'Targeting test' }).tap()
  await expect(page.getByRole('dialog', { name: 'Welcome offer' })).toBeVisible()
  await context.close()
})

test('mobile: the same modal shows at once when the visitor did not come from search', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ ...devices['Pixel 5'] })
  const page = await context.newPage()
  await openApp(
    page,
    server.url,
    {
      version: 1,
      site: 'e2e',
      campaigns: [
        { id: 'welcome', kind: 'popup', trigger: { type: 'pageview' }, content: { title: 'Welcome offer' } },
      ],
    },
    '',
    { referer: 'https://news.example/' },
  )
  await expect(page.getByRole('dialog', { name: 'Welcome offer' })).toBeVisible()
  await context.close()
})

test('mobile: exit intent comes from touch signals — leaving the tab and coming back shows the campaign', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ ...devices['Pixel 5'] })
  const page = await context.newPage()
  await page.clock.install()
  await openApp(page, server.url, {
    version: 1,
    site: 'e2e',
    campaigns: [
      { id: 'exit', kind: 'popup', trigger: { type: 'exit-intent' }, content: { title: 'Before you go' } },
    ],
  })
  await page.clock.fastForward(4000)
  // Headless Chromium never hides a page by itself: emulate the tab switch (see sensors-touch.spec.ts).
  const visibility = (state: string) =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    }, state)
  await visibility('hidden')
  await page.clock.fastForward(6000)
  await visibility('visible')
  await expect(page.getByRole('dialog', { name: 'Before you go' })).toBeVisible()
  await context.close()
})
