import type { Page } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../support/browser'
import { leaveThroughTop } from '../support/leaveThroughTop'
import { expect, test } from '../support/test'

// Real desktop Chrome draws a classic scrollbar; headless hides it unless told not to, and
// the scrollbar complaints (beeker #14, #26) need one.
test.use({
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
})

// Verified in headless Chromium 156: moving the real (CDP) mouse to a negative y makes the
// document receive `mouseout` with relatedTarget null and clientY < 0, as a physical mouse
// leaving toward the tab strip does. Moving into an iframe gives relatedTarget = the iframe.

async function open(page: Page, url: string, query = ''): Promise<void> {
  // The fake clock lets minSeconds and the grace period pass on command; it flows in real
  // time otherwise, so event timestamps (which it also fakes) stay realistic.
  await page.clock.install()
  await page.goto(`${url}/sensors-exit.html${query}`)
  await page.waitForFunction(() => (window as { ready?: boolean }).ready)
}
const fired = (page: Page) => page.evaluate(() => (window as unknown as { fired: unknown[] }).fired)

const exitThroughTop = (page: Page, x = 300) => leaveThroughTop(page, { x, fakeClock: true })

/** Lets every timer due in the next `ms` run (grace period included), then reads `fired`. */
async function firedAfter(page: Page, ms = 1000): Promise<unknown[]> {
  await page.clock.runFor(ms)
  return fired(page)
}

test('fires when the pointer rises out through the top, also on a scrolled page', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  expect(await page.evaluate(() => (window as unknown as { device: string }).device)).toBe('desktop')
  await page.clock.fastForward(3000)
  await page.mouse.move(600, 400)
  await page.mouse.wheel(0, 1200) // clientY, not pageY, decides (jquery.exitintent #1)
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000)
  await exitThroughTop(page) // x = 300 crosses the fixed header (ouibounce #115)
  await expect.poll(() => firedAfter(page, 200)).toEqual([{ source: 'pointer' }])
  // Once per subscription.
  await exitThroughTop(page)
  expect(await firedAfter(page)).toHaveLength(1)
})

test('catches a fast flick out of the page (danhayden #2: throttling lost them)', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  await page.mouse.move(300, 500)
  await page.mouse.move(300, -60, { steps: 2 }) // one mousemove inside, at y = 220
  expect(await firedAfter(page, 200)).toEqual([{ source: 'pointer' }])
})

test('does not fire when a right-click menu takes the pointer (beeker #20)', async ({ page, server }) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  // Up toward the top, right-click there, and the pointer goes straight onto the menu. Headless
  // Chromium draws no menu, so the move is sent in one step: no mousemove reaches the page,
  // as none does while a real menu is open.
  await page.mouse.move(300, 400, { steps: 2 })
  await page.mouse.move(300, 40, { steps: 3 })
  await page.mouse.click(300, 40, { button: 'right' })
  await page.mouse.move(300, -10)
  expect(await firedAfter(page)).toEqual([])
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})

test('does not fire before minSeconds', async ({ page, server }) => {
  await open(page, server.url, '?minSeconds=30')
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([])
  await page.clock.fastForward(30_000)
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})

test('does not fire when the pointer enters from the tab strip at load (ouibounce #38, #48)', async ({
  page,
  server,
}) => {
  // The pointer rests above the page (on the tab strip) while it loads, then comes down,
  // crossing the top edge back and forth as Chrome's enter/leave/enter burst does.
  await page.mouse.move(500, -30)
  for (const q of ['', '?minSeconds=0']) {
    await open(page, server.url, q)
    await page.mouse.move(500, 4)
    await page.mouse.move(500, -2)
    await page.mouse.move(500, 3)
    await page.mouse.move(500, 400, { steps: 5 })
    await page.clock.fastForward(5000)
    expect(await firedAfter(page)).toEqual([])
    await page.mouse.move(500, -30)
  }
  // With no minimum time, a pointer that pokes a few px into the page and goes back to the
  // tabs to stay there has made no upward move through the page: still not an exit.
  await open(page, server.url, '?minSeconds=0')
  await page.mouse.move(500, 6)
  await page.mouse.move(500, -20)
  expect(await firedAfter(page)).toEqual([])
})

test('coming back within the grace period cancels it', async ({ page, server }) => {
  await open(page, server.url, '?graceMs=1000')
  await page.clock.fastForward(3000)
  await exitThroughTop(page)
  await page.mouse.move(300, 80, { steps: 2 }) // changed their mind
  expect(await firedAfter(page, 3000)).toEqual([])
  await exitThroughTop(page)
  expect(await firedAfter(page, 1000)).toEqual([{ source: 'pointer' }])
})

test('does not fire while a <select> is open or an autofill field has focus', async ({ page, server }) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  // Open the select (ouibounce #139), then head for the top.
  await page.locator('#size').click()
  await exitThroughTop(page, 100)
  expect(await firedAfter(page)).toEqual([])
  await page.keyboard.press('Escape')
  // An email field with autocomplete: its autofill list is browser UI (use-exit-intent #4).
  await page.locator('#email').click()
  await page.keyboard.type('a')
  await exitThroughTop(page, 100)
  expect(await firedAfter(page)).toEqual([])
  // Once focus leaves the fields (blurring fires `change`, and exits within 300 ms of an
  // edit are ignored too), a real exit counts again.
  await page.mouse.click(600, 500)
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY')
  await page.clock.fastForward(300)
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})

test('does not fire over the scrollbar: hovering up it or dragging the thumb past the top', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  const { inner, client } = await page.evaluate(() => ({
    inner: innerWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(client).toBeLessThan(inner) // a classic scrollbar is drawn
  const bar = Math.round((client + inner) / 2)
  await page.mouse.move(bar, 500, { steps: 3 })
  await page.mouse.move(bar, -10, { steps: 6 })
  expect(await firedAfter(page)).toEqual([])
  // Drag the thumb (near the top at scrollY 0) up and release above the window (beeker #14).
  await page.mouse.move(bar, 30, { steps: 3 })
  await page.mouse.down()
  await page.mouse.move(bar, -40, { steps: 4 })
  await page.mouse.up()
  expect(await firedAfter(page)).toEqual([])
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})

test('does not fire when the pointer moves into an iframe, or focus does (exit-intent-js 1.1.1)', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  // Rising to the top edge, then sideways into the iframe at the top right: the document
  // sees a mouseout near the top, after upward motion, but its relatedTarget is the iframe.
  await page.mouse.move(700, 400, { steps: 3 })
  await page.mouse.move(700, 10, { steps: 4 })
  await page.mouse.move(850, 10, { steps: 2 })
  await page.mouse.move(950, 60, { steps: 2 })
  await page.mouse.click(950, 60) // focus moves into the frame: the window blurs
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME')
  expect(await firedAfter(page)).toEqual([])
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})

test('does not fire when the pointer leaves by the bottom or the sides', async ({ page, server }) => {
  await open(page, server.url)
  await page.clock.fastForward(3000)
  // Each time the pointer stays out past the grace period before coming back.
  for (const [x, y] of [
    [600, 760], // bottom
    [-20, 200], // left, rising
    [1300, 200], // right, rising
  ] as const) {
    await page.mouse.move(600, 400, { steps: 2 })
    await page.mouse.move(x, y, { steps: 4 })
    expect(await firedAfter(page)).toEqual([])
  }
  await exitThroughTop(page)
  expect(await firedAfter(page)).toEqual([{ source: 'pointer' }])
})
