import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'

interface Fired {
  idle: number
  depth: number[]
  routes: string[]
  clicks: string[]
}

async function open(page: Page, url: string, query = ''): Promise<void> {
  await page.clock.install()
  await page.goto(`${url}/sensors-misc.html${query}`)
  await page.waitForFunction(() => (window as { ready?: boolean }).ready)
}
const fired = (page: Page) => page.evaluate(() => (window as unknown as { fired: Fired }).fired)

test('idle: fires after 30 s without input, real mouse and keys reset it', async ({ page, server }) => {
  await open(page, server.url)
  await page.clock.fastForward(20_000)
  await page.mouse.move(200, 300, { steps: 3 })
  await page.clock.fastForward(20_000)
  // Keys that don't scroll: a smooth scroll would keep sending (activity) scroll events in
  // real time while the fake clock is being fast-forwarded.
  await page.keyboard.press('Shift')
  await page.clock.fastForward(29_000)
  expect((await fired(page)).idle).toBe(0)
  await page.clock.fastForward(1500)
  await expect.poll(async () => (await fired(page)).idle).toBe(1)
  // Once per idle stretch: more quiet time is the same stretch.
  await page.clock.fastForward(60_000)
  expect((await fired(page)).idle).toBe(1)
  await page.mouse.move(300, 200, { steps: 2 })
  await page.clock.fastForward(29_000)
  expect((await fired(page)).idle).toBe(1)
  await page.clock.fastForward(1500)
  await expect.poll(async () => (await fired(page)).idle).toBe(2)
})

test('scroll depth: fires once when real scrolling passes 50 %, and at load on a short page', async ({
  page,
  server,
}) => {
  await open(page, server.url, '?percent=50&height=4000px')
  await page.mouse.move(400, 400)
  await page.mouse.wheel(0, 800) // bottom at ≈ 1520 of ≈ 4040: under 40 %
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(700)
  expect((await fired(page)).depth).toEqual([])
  await page.mouse.wheel(0, 800)
  await expect.poll(async () => (await fired(page)).depth).toHaveLength(1)
  const [percent] = (await fired(page)).depth
  expect(percent).toBeGreaterThanOrEqual(50)
  expect(percent).toBeLessThan(70)
  await page.mouse.wheel(0, 2000)
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(2500)
  expect((await fired(page)).depth).toHaveLength(1)

  // A page that fits the viewport is 100 % seen once loaded, without any scrolling.
  await open(page, server.url, '?percent=100&height=200px')
  await expect.poll(async () => (await fired(page)).depth).toEqual([100])
})

test('route change: SPA links, back and hash navigation; clicks on a selector', async ({ page, server }) => {
  await open(page, server.url)
  await page.getByRole('link', { name: 'Product 1' }).click()
  await page.getByRole('link', { name: 'Cart' }).click()
  await page.goBack()
  await page.evaluate(() => {
    location.hash = 'reviews'
  })
  await expect
    .poll(async () => (await fired(page)).routes)
    .toEqual([
      '/sensors-misc.html/products/1',
      '/sensors-misc.html/cart',
      '/sensors-misc.html/products/1',
      '/sensors-misc.html/products/1#reviews',
    ])
  // A state-only update (same URL) is not a navigation: nothing new is reported.
  await page.evaluate(() => history.replaceState({ tab: 2 }, ''))
  expect((await fired(page)).routes).toHaveLength(4)

  await page.getByRole('button', { name: 'Get the offer' }).click()
  await page.getByRole('link', { name: 'Cart' }).click()
  expect((await fired(page)).clicks).toEqual(['cta'])
})
