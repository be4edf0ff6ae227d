import { pushSupport } from './pushSupport'
import type { PushPort } from './types'

// Chrome and Safari want the VAPID key as bytes, not base64url text.
const bytes = (b64url: string) =>
  Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

async function activeRegistration(win: Window, worker: string, scope?: string) {
  const reg = await win.navigator.serviceWorker.register(worker, scope ? { scope } : undefined)
  const sw = reg.installing ?? reg.waiting
  // pushManager.subscribe fails without an active worker; wait for activation.
  if (!reg.active && sw)
    await new Promise<void>((done) =>
      sw.addEventListener('statechange', () => sw.state === 'activated' && done()),
    )
  return reg
}

/** The real browser behind `PushPort`. */
export function browserPort(win: Window): PushPort {
  return {
    support: () => pushSupport(win),
    permission: () => (win as Window & { Notification: typeof Notification }).Notification.permission,
    request: () => (win as Window & { Notification: typeof Notification }).Notification.requestPermission(),
    async subscribe(worker, scope, key) {
      const reg = await activeRegistration(win, worker, scope)
      return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) })
    },
    async current(worker, scope) {
      const reg = await win.navigator.serviceWorker.getRegistration(
        scope ?? new URL(worker, win.location.href).href,
      )
      return (await reg?.pushManager.getSubscription()) ?? null
    },
  }
}
