import { listen, noop } from './listen'

export interface ExitIntentOptions {
  /** Seconds on the page before exits count. Default 3 (ouibounce waits 1 s, use-exit-intent 5 s). */
  minSeconds?: number
  /** The pointer must leave within this many px of the top edge. Default 20 (ouibounce, danhayden). */
  thresholdPx?: number
  /**
   * Wait this long after leaving; coming back cancels. Default 30 ms: long enough for a pointer
   * grazing the top edge to come back (ouibounce PR #55), short enough that the pop-up is up
   * before the pointer reaches the tab strip (ouibounce's own default is 0). The rise and
   * minimum-time checks, not this wait, stop Chrome's leave/enter burst at load.
   */
  graceMs?: number
  window?: Window
}

/** The default `graceMs` (see there); the bench subtracts it to time the rest of the show. */
export const exitGraceMs = 30

/** Input types with no browser UI (autofill, picker, dropdown) that could sit over the page. */
const PLAIN = /^(checkbox|radio|button|submit|reset|range|image)$/

/** Whether focus is in a form field whose browser UI (menu, autofill) may be open. */
const inField = (d: Document): boolean => {
  let el = d.activeElement
  // Web components keep their inputs in shadow roots; the document only sees the host.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return isField(el)
}

const isField = (el: Element | null): boolean =>
  !!el &&
  (el.tagName === 'SELECT' ||
    el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && !PLAIN.test((el as HTMLInputElement).type)))

/**
 * Desktop exit intent: the pointer leaves through the top of the viewport while moving up,
 * toward the tab strip, address bar or close button. Calls `cb` once, after `graceMs`, unless
 * the pointer came back; subscribe again to re-arm. Returns `dispose`.
 * Pointer only: window `blur` is no exit signal, since focus moving into an iframe blurs the
 * window too (exit-intent-js 1.1.1).
 */
export function onExitIntent(
  cb: (d: { source: 'pointer' }) => void,
  {
    minSeconds = 3,
    thresholdPx = 20,
    graceMs = exitGraceMs,
    window: w = globalThis.window,
  }: ExitIntentOptions = {},
): () => void {
  if (!w) return noop
  const d = w.document
  let armed = false
  let pending: ReturnType<typeof setTimeout> | undefined
  let fieldAt = -Infinity
  // Recent mousemoves as flat [timeStamp, clientY, …]. Not throttled: throttling loses fast
  // flicks (danhayden/exit-intent #2).
  const pts: number[] = []
  // Chrome sends a leave/enter burst when the pointer enters from the toolbar at load
  // (ouibounce #38, #48); a minimum time on the page is the first guard.
  const arm = setTimeout(() => (armed = true), minSeconds * 1000)
  const cancel = () => {
    clearTimeout(pending)
    pending = undefined
  }
  // Picking an autofill entry or a <select> option fires input/change; the menu closing can
  // leave a stray mouseout behind (use-exit-intent #4, beeker #20).
  const edited = (e: Event) => {
    fieldAt = e.timeStamp
  }
  const off = listen(d, {
    mousemove(e: MouseEvent) {
      pts.push(e.timeStamp, e.clientY)
      if (pts.length > 20) pts.splice(0, 2)
    },
    // The pointer came back (or never really left): cancel the grace timer.
    mouseover: cancel,
    input: edited,
    change: edited,
    // The context menu is browser UI too (beeker #20). While it is open the page gets no
    // mousemove, so forgetting the motion so far voids any mouseout it causes.
    contextmenu() {
      pts.length = 0
    },
    mouseout(e: MouseEvent) {
      // A non-null relatedTarget means the pointer moved to another element, an iframe
      // included: only null means it left the document.
      if (e.relatedTarget || !armed || pending) return
      const t = e.timeStamp
      const y = e.clientY
      if (
        // clientY, not pageY, so leaving after scrolling still counts (jquery.exitintent #1).
        y > thresholdPx ||
        // The right edge is the scrollbar: hovering or dragging it is not leaving (beeker #14, #26).
        e.clientX >= d.documentElement.clientWidth ||
        // Select menus and autofill lists are browser UI outside the page (ouibounce #139,
        // beeker #20, use-exit-intent #4, stick-to-me #11).
        inField(d) ||
        t - fieldAt < 300
      )
        return
      // Upward motion: a mousemove of the last 100 ms sat at least 10 px lower than the edge
      // (Bounceback needs a 10 px rise). A pointer parked at the top edge, or poking in from
      // the tab strip, has none; `sensitivity` on mouseleave alone can't tell (ouibounce #78,
      // #143). Chrome reports the first point outside (y < 0); only travel inside counts.
      let rise = 0
      const edge = Math.max(y, 0)
      for (let i = 0; i < pts.length; i += 2)
        if (t - pts[i]! <= 100) rise = Math.max(rise, pts[i + 1]! - edge)
      if (rise < 10) return
      pending = setTimeout(() => {
        dispose()
        cb({ source: 'pointer' })
      }, graceMs)
    },
  })
  const dispose = () => {
    clearTimeout(arm)
    cancel()
    off()
  }
  return dispose
}
