import { listen, noop } from './listen'

export interface TimeOnPageOptions {
  /** Seconds of visible time. */
  seconds: number
  /**
   * `performance.now()` at which counting started; default 0 (navigation start), so time
   * spent before subscribing counts. For time on site, pass `performance.now() - visibleMsSoFar`.
   */
  since?: number
  window?: Window
}

/**
 * Calls `cb` once after `seconds` of time on the page, counting only while the page is
 * visible (a background tab is not a visitor reading). Returns `dispose`.
 */
export function onTimeOnPage(
  cb: () => void,
  { seconds, since = 0, window: w = globalThis.window }: TimeOnPageOptions,
): () => void {
  if (!w) return noop
  const d = w.document
  const now = () => w.performance.now()
  let left = seconds * 1000 - (now() - since)
  let start = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    start = now()
    timer = setTimeout(() => {
      dispose()
      cb()
    }, left)
  }
  const off = listen(d, {
    visibilitychange() {
      clearTimeout(timer)
      if (d.visibilityState === 'hidden') left -= now() - start
      else run()
    },
  })
  const dispose = () => {
    clearTimeout(timer)
    off()
  }
  if (d.visibilityState !== 'hidden') run()
  return dispose
}
