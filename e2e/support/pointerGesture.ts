import type { Page } from '@playwright/test'

/**
 * Moves Chromium's real pointer through `points` (viewport CSS px) as one gesture, each move
 * stamped `stepMs` after the last, as a hand moving at 60 Hz. The exit sensor reads the pointer's
 * speed from the events' time stamps; moves relayed one CDP call at a time (`page.mouse.move`
 * with steps) are stamped when a loaded machine gets round to each, often over 100 ms apart,
 * and the gesture then looks like a slow drift: the exit specs' flake on the 2-core machine.
 */
export async function pointerGesture(
  page: Page,
  points: Array<[number, number]>,
  stepMs = 16,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  for (const [i, [x, y]] of points.entries())
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseMoved',
      x,
      y,
      timestamp: start + (i * stepMs) / 1000,
    })
  await cdp.detach()
}
