// Landmarks a site's own navigation lives in.
const NAV = 'header,nav,[role=banner],[role=navigation]'

/**
 * Keeps a fixed widget (`panel`) off the page's own header and navigation at its edge of the
 * viewport (`top`, else the bottom): a top bar sits just below a header that is in view (fixed,
 * sticky, or the page's own at the top until it scrolls away), a bottom bar or slide-in just
 * above a bottom navigation. It moves with `transform`, which never counts as a layout shift, and
 * never pushes the page: nothing of the site's moves, so the widget adds nothing to its CLS.
 * Returns `stop`.
 */
export function keepClear(win: Window, panel: HTMLElement, top: boolean): () => void {
  const place = () => {
    const vh = win.innerHeight
    // Distances from the edge: where each landmark starts and ends, nearest first, so stacked
    // strips (a promo line over a header) add up.
    const spans = [...win.document.querySelectorAll(NAV)]
      .map((n) => n.getBoundingClientRect())
      .map((r) => [top ? r.top : vh - r.bottom, top ? r.bottom : vh - r.top, r.height])
      .sort((a, b) => a[0]! - b[0]!)
    let clear = 0
    // A sidebar or a whole-page landmark is not a strip along the edge.
    for (const [from, to, height] of spans)
      if (height && height < vh / 3 && from! <= clear + 16 && to! > clear) clear = to!
    panel.style.transform = clear ? `translateY(${top ? clear : -clear}px)` : ''
  }
  place()
  const events = ['scroll', 'resize']
  for (const e of events) win.addEventListener(e, place, true)
  return () => {
    for (const e of events) win.removeEventListener(e, place, true)
  }
}
