import { vi } from 'vitest'

/** Sets a read-only layout property that happy-dom leaves at 0 (it does no layout). */
export function setProp(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true })
}

let visibility: DocumentVisibilityState = 'visible'
/** Switches document.visibilityState and fires visibilitychange, as a tab switch does. */
export function setVisibility(state: DocumentVisibilityState): void {
  visibility = state
  Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** Advances fake time; happy-dom stamps events with the (faked) performance.now(). */
export const wait = (ms: number): void => void vi.advanceTimersByTime(ms)
