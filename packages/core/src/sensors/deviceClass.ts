import type { Device } from '../types'

/** Below this short side (CSS px) a touch device is a phone: phones are ≤ 480, tablets ≥ 600. */
const PHONE_MAX = 600

/**
 * The visitor's device class for targeting. A fine primary pointer is a desktop (touch
 * laptops included); a coarse one is a tablet unless the UA-CH `mobile` hint says phone or
 * the screen's short side is phone-sized. Without a window (SSR) it answers `desktop`.
 */
export function deviceClass(w: Window | undefined = globalThis.window): Device {
  if (!w) return 'desktop'
  // UA Client Hints (Chromium only): `mobile` is true for phones, false for tablets and desktops.
  const hint = (w.navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData?.mobile
  if (hint) return 'mobile'
  if (!w.matchMedia?.('(pointer: coarse)').matches) return 'desktop'
  // The screen, not the viewport: without a viewport meta tag a phone's layout viewport is 980 px.
  return Math.min(w.screen.width, w.screen.height) < PHONE_MAX ? 'mobile' : 'tablet'
}
