import { devices, type Page } from '@playwright/test'
import { pauseClockNow } from '../support/pauseClockNow'
import { expect, test } from '../support/test'

test.use({ ...devices['Pixel 7'] })

// Playwright's touchscreen only taps, so drags go through CDP Input.dispatchTouchEvent: real
// touch input that Chromium turns into real scrolling, which fires the page's own scroll
// events (verified: one scroll event per touchmove, no fling after touchEnd).
// The sensor reads the speed from the scroll events' time stamps, which Playwright's fake clock
// gives (Event.timeStamp follows its performance.now()). Relayed one CDP call at a time, the
// moves came out as fast or as slow as the loaded machine relayed them (the old flake); here the
// clock stands still during a drag and moves `stepMs` per move, and each move's scroll event is
// awaited before the next: the gesture has the same speed on any machine. A drag starts a
// second after the last (a finger lifts and lands again), so two drags are never one run.
async function drag(page: Page, fromY: number, toY: number, steps: number, stepMs = 16): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const scrolls = () => page.evaluate(() => (window as unknown as { scrolls: number }).scrolls)
  await pauseClockNow(page)
  const point = (y: number) => ({ touchPoints: [{ x: 200, y }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', ...point(fromY) })
  for (let i = 1; i <= steps; i++) {
    await page.clock.runFor(stepMs)
    const before = await scrolls()
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      ...point(fromY + ((toY - fromY) * i) / steps),
    })
    // Its scroll event, stamped now (touch slop can swallow a first short move: then none).
    await expect
      .poll(scrolls, { timeout: 1000, intervals: [10, 20, 40] })
      .toBeGreaterThan(before)
      .catch(() => {})
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
  await page.clock.resume()
}

const flick = (page: Page) => drag(page, 60, 810, 3)

async function open(page: Page, url: string, query = ''): Promise<void> {
  await page.clock.install()
  await page.goto(`${url}/sensors-touch.html${query}`)
  await page.waitForFunction(() => (window as { ready?: boolean }).ready)
  await page.evaluate(() => {
    const w = window as unknown as { scrolls: number }
    w.scrolls = 0
    addEventListener('scroll', () => w.scrolls++)
  })
}
const fired = (page: Page) => page.evaluate(() => (window as unknown as { fired: string[] }).fired)
const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

/** Reads down the page with three finger swipes (finger moves up, page scrolls down). */
async function readDown(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await drag(page, 700, 100, 12)
  await expect.poll(() => scrollY(page)).toBeGreaterThan(1000)
}

test('a phone is a mobile device, and a fast swipe back up fires scroll-up', async ({ page, server }) => {
  await open(page, server.url)
  expect(await page.evaluate(() => (window as unknown as { device: string }).device)).toBe('mobile')
  await readDown(page)
  await page.clock.fastForward(3000)
  const before = await scrollY(page)
  // A flick toward the address bar: 750 px in 3 moves, one per frame.
  await flick(page)
  await expect.poll(() => fired(page)).toEqual(['scroll-up'])
  // A real scroll happened.
  expect(await scrollY(page)).toBeLessThan(before - 300)
})

test('a slow scroll back up does not fire', async ({ page, server }) => {
  await open(page, server.url)
  await readDown(page)
  await page.clock.fastForward(3000)
  const before = await scrollY(page)
  // 300 px at 20 px per 60 ms: reading back up a paragraph (0.3 px/ms).
  await drag(page, 100, 400, 15, 60)
  // (Touch slop eats the start of a slow drag.) It must have scrolled up, or "did not fire"
  // would prove nothing.
  await expect.poll(() => scrollY(page)).toBeLessThan(before - 20)
  expect(await fired(page)).toEqual([])
  // The same sensor still fires on a fast one.
  await flick(page)
  await expect.poll(() => fired(page)).toEqual(['scroll-up'])
})

test('a fast swipe up before minSeconds, or on a page barely scrolled, does not fire', async ({
  page,
  server,
}) => {
  await open(page, server.url, '?minSeconds=30')
  await readDown(page)
  await flick(page)
  await page.clock.fastForward(30_000)
  expect(await fired(page)).toEqual([])

  await open(page, server.url, '?minSeconds=0&minScroll=2000')
  await drag(page, 700, 100, 12) // about 600 px down: not far enough
  await flick(page)
  await page.clock.runFor(100)
  expect(await fired(page)).toEqual([])
})

/**
 * Headless Chromium keeps every page visible (bringing another page to the front or
 * minimising the window fires no visibilitychange here), so the tab switch is emulated: the
 * visibility state is overridden and the real event dispatched, and the fake clock moves the
 * time away.
 */
async function awayFor(page: Page, ms: number): Promise<void> {
  const show = (state: string) =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    }, state)
  await show('hidden')
  await page.clock.fastForward(ms)
  await show('visible')
}

test('returning to the tab after 5 s away fires return; a short switch does not', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  await awayFor(page, 2000)
  expect(await fired(page)).toEqual([])
  await awayFor(page, 6000)
  await expect.poll(() => fired(page)).toEqual(['return'])
})
