import type { PushSupport } from './types'

/**
 * Feature detection as Braze and OneSignal do it. iOS/iPadOS only allow push in a home-screen
 * (standalone) web app, so Safari tabs there get `ios-needs-install` instead of a prompt.
 */
export function pushSupport(win: Window): PushSupport {
  const nav = win.navigator as Navigator & { standalone?: boolean }
  const ios =
    /iP(hone|ad|od)/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1)
  const standalone = nav.standalone === true || win.matchMedia?.('(display-mode: standalone)').matches
  if (ios && !standalone) return 'ios-needs-install'
  const w = win as Window & { PushManager?: unknown; Notification?: typeof Notification }
  if (!win.isSecureContext || !('serviceWorker' in nav) || !w.PushManager || !w.Notification)
    return 'unsupported'
  return w.Notification.permission === 'denied' ? 'denied' : 'supported'
}
