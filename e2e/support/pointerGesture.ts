import type { Page } from '@playwright/test'
import { pauseClockNow } from './pauseClockNow'

/**
 * Moves Chromium's real pointer through `points` (viewport CSS px) as one gesture, each move
 * `stepMs` after the last, as a hand moving at 60 Hz. The exit sensor reads the pointer's
 * speed from the events' time stamps; moves relayed one CDP call at a time (`page.mouse.move`
 * with steps) are stamped when a loaded machine gets round to each, often over 100 ms apart,
 * and the gesture then looks like a slow drift: the exit specs' flake on the 2-core machine.
 * Each move carries its own time stamp; on a page with Playwright's fake clock (which stamps
 * events itself) pass `fakeClock`: the clock is paused and moved `stepMs` per move instead,
 * then flows again.
 */
export async function pointerGesture(
  page: Page,
  points: Array<[number, number]>,
  { stepMs = 16, fakeClock = false } = {},
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  if (fakeClock) await pauseClockNow(page)
  const start = Date.now() / 1000
  for (const [i, [x, y]] of points.entries()) {
    if (fakeClock && i) await page.clock.runFor(stepMs)
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseMoved',
      x,
      y,
      timestamp: start + (i * stepMs) / 1000,
    })
  }
  if (fakeClock) await page.clock.resume()
  await cdp.detach()
}
