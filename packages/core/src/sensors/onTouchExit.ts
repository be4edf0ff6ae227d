import { listen, noop } from './listen'

export interface TouchExitOptions {
  /**
   * Upward page scroll, in px/ms averaged over the current upward run, that counts as
   * leaving. Default 2. The samples ask more of a single reading: vue-exit-intent wants
   * touchmove ≥ 6.7 px/ms, a jQuery sample 320 px in 100 ms (3.2 px/ms). An average over the
   * run sits below the peak of the flick, while reading-pace scrolling stays under 0.5 px/ms.
   */
  velocity?: number
  /** The visitor must first have scrolled at least this far down. Default 400 px; shorter pages never fire. */
  minScroll?: number
  /** Returning to the tab counts after being away at least this long. Default 5000 ms (Yieldify: 5 s). */
  awayMs?: number
  /** Seconds on the page before either signal counts. Default 3. */
  minSeconds?: number
  window?: Window
}

/** Upward runs that start this close to the top are ignored: the visitor is already there. */
const TOP = 50

/**
 * Mobile exit intent, which has no pointer to watch: a fast scroll back up (toward the
 * address bar), or coming back to the tab after `awayMs` away. Calls `cb` once; subscribe
 * again to re-arm. No history manipulation: browsers now skip or punish those entries
 * (Chromium's history intervention; Safari, hotwired/turbo #810). Returns `dispose`.
 */
export function onTouchExit(
  cb: (d: { source: 'scroll-up' | 'return' }) => void,
  {
    velocity = 2,
    minScroll = 400,
    awayMs = 5000,
    minSeconds = 3,
    window: w = globalThis.window,
  }: TouchExitOptions = {},
): () => void {
  if (!w) return noop
  const d = w.document
  let armed = false
  let deepest = 0
  let lastT = -Infinity
  let lastY = 0
  let runT = 0
  let runY = 0
  let hiddenAt = 0
  const arm = setTimeout(() => (armed = true), minSeconds * 1000)
  const fire = (source: 'scroll-up' | 'return') => {
    dispose()
    cb({ source })
  }
  const offScroll = listen(
    w,
    {
      scroll(e: Event) {
        const t = e.timeStamp
        // Clamped, so iOS rubber-banding past either end and springing back isn't a scroll-up.
        const y = Math.max(0, Math.min(w.scrollY, d.documentElement.scrollHeight - w.innerHeight))
        deepest = Math.max(deepest, y)
        // An upward run starts at the last sample that wasn't moving up, or anew after a pause
        // (>100 ms without scroll events means the page was at rest).
        if (y >= lastY || t - lastT > 100) {
          runT = t
          runY = y
        }
        lastT = t
        lastY = y
        const dt = t - runT
        // dt ≥ 30 ms (two frames) so one coalesced pair of events can't spike the speed.
        if (armed && deepest >= minScroll && runY >= TOP && dt >= 30 && (runY - y) / dt >= velocity)
          fire('scroll-up')
      },
    },
    // Not capturing: only the page's own scroll, not inner scrollers (carousels, menus).
    false,
  )
  const offVisibility = listen(d, {
    visibilitychange() {
      // Date.now(), not performance.now(): the monotonic clock may stop while the device sleeps,
      // and sleeping counts as being away.
      if (d.visibilityState === 'hidden') hiddenAt = Date.now()
      else if (armed && hiddenAt && Date.now() - hiddenAt >= awayMs) fire('return')
    },
  })
  const dispose = () => {
    clearTimeout(arm)
    offScroll()
    offVisibility()
  }
  return dispose
}
