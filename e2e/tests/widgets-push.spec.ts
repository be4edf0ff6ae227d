import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'
import { samples, type WidgetSpec } from '../support/widgets-samples'

const events = (page: Page) => page.evaluate(() => window.events)

async function openOn(page: Page, url: string, spec: WidgetSpec) {
  await page.goto(`${url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  await page.locator('#opener').focus()
  await page.evaluate((s) => window.mountCampaign(s), spec)
}

test('push by keyboard: allow asks the core, shows the result, close converts', async ({ page, server }) => {
  await openOn(page, server.url, samples.push!)
  await expect(page.getByRole('dialog', { name: 'Get restock alerts?' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Yes, notify me' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText('Subscribed')
  await expect(page.getByRole('status')).toBeFocused()
  await page.keyboard.press('Escape')
  expect(await events(page)).toEqual([{ type: 'requestPush' }, { type: 'close', reason: 'converted' }])
})

test('push by mouse: a denied permission is shown and the close is a dismissal; deny dismisses', async ({
  page,
  server,
}) => {
  await openOn(page, server.url, { ...samples.push!, push: 'denied' })
  await page.getByRole('button', { name: 'Yes, notify me' }).click()
  await expect(page.getByRole('status')).toHaveText('Blocked')
  await page.getByRole('button', { name: 'Close' }).click()
  await page.evaluate((s) => window.mountCampaign(s), samples.push!)
  await page.getByRole('button', { name: 'Not now' }).click()
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await events(page)).toEqual([
    { type: 'requestPush' },
    { type: 'close', reason: 'dismissed' },
    { type: 'close', reason: 'dismissed' },
  ])
})

test('the soft prompt does not look like the browser permission bubble', async ({ page, server }) => {
  await openOn(page, server.url, samples.push!)
  const box = (await page.getByRole('dialog').boundingBox())!
  const viewport = page.viewportSize()!
  // Chrome's bubble sits top-left under the address bar; ours is a card in the bottom corner.
  expect(box.y).toBeGreaterThan(viewport.height / 2)
  expect(box.x).toBeGreaterThan(viewport.width / 2)
  await expect(page.getByRole('button', { name: /^(Allow|Block)$/ })).toHaveCount(0)
})
