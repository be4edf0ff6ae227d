import { listen, noop } from './listen'

export interface IdleOptions {
  /** Seconds without pointer, key, scroll or touch activity. */
  seconds: number
  window?: Window
}

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'scroll', 'wheel', 'touchstart']

/**
 * Calls `cb` when the visitor has been inactive for `seconds` while the page was visible,
 * once per idle stretch: activity starts a new one. Returns `dispose`.
 */
export function onIdle(cb: () => void, { seconds, window: w = globalThis.window }: IdleOptions): () => void {
  if (!w) return noop
  const d = w.document
  const ms = seconds * 1000
  let last = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    clearTimeout(timer)
    timer = undefined
  }
  // One timer per stretch, not one per event: activity only stamps `last` (a cheap throttle
  // for mousemove/scroll); when the timer comes due it sleeps again for the remainder.
  const check = () => {
    const left = last + ms - Date.now()
    if (left > 0) timer = setTimeout(check, left)
    else {
      timer = undefined
      cb()
    }
  }
  const active = () => {
    last = Date.now()
    if (!timer && d.visibilityState !== 'hidden') timer = setTimeout(check, ms)
  }
  const handlers: Record<string, () => void> = {
    // Hidden time is not idleness on this page; the count restarts when the tab shows again.
    visibilitychange: () => (d.visibilityState === 'hidden' ? stop() : active()),
  }
  for (const type of ACTIVITY) handlers[type] = active
  const off = listen(d, handlers)
  active()
  return () => {
    stop()
    off()
  }
}
