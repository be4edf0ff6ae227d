import type { Page } from '@playwright/test'
import { pointerGesture } from './pointerGesture'

/**
 * Down into the page at `x`, then up and out through the top edge, as a visitor heading for
 * the tabs: one gesture at 60 Hz (see pointerGesture; `fakeClock` where the page has
 * Playwright's), from y = `from` to 120 in four moves, then out to -10 in four more.
 */
export function leaveThroughTop(page: Page, { x = 300, from = 450, fakeClock = false } = {}): Promise<void> {
  const to = (a: number, b: number) => [1, 2, 3, 4].map((i): [number, number] => [x, a + ((b - a) * i) / 4])
  return pointerGesture(page, [[x, from], ...to(from, 120), ...to(120, -10)], { fakeClock })
}
