// Landmarks a site's own navigation lives in.
const NAV = 'header,nav,[role=banner],[role=navigation]'

/**
 * Keeps a fixed widget (`panel`) off the page's own header and navigation at its `edge` of the
 * viewport: a top bar sits just below a header that is in view (fixed, sticky, or the page's
 * own at the top until it scrolls away), a bottom bar or slide-in just above a bottom
 * navigation. It moves with `transform`, which never counts as a layout shift, and never pushes
 * the page: nothing of the site's moves, so the widget adds nothing to its CLS. Returns `stop`.
 */
export function keepClear(win: Window, panel: HTMLElement, edge: 'top' | 'bottom'): () => void {
  const place = () => {
    const vh = win.innerHeight
    let clear = 0
    const boxes = [...win.document.querySelectorAll(NAV)].map((n) => n.getBoundingClientRect())
    // From the edge inward, so stacked strips (a promo line over a header) add up.
    boxes.sort((a, b) => (edge === 'top' ? a.top - b.top : b.bottom - a.bottom))
    for (const r of boxes) {
      // A sidebar or a whole-page landmark is not a strip along the edge.
      if (!r.height || r.height > vh / 3) continue
      const from = edge === 'top' ? r.top : vh - r.bottom
      const to = edge === 'top' ? r.bottom : vh - r.top
      if (from <= clear + 16 && to > clear) clear = to
    }
    panel.style.transform = clear ? `translateY(${edge === 'top' ? clear : -clear}px)` : ''
  }
  place()
  const o = { passive: true, capture: true }
  win.addEventListener('scroll', place, o)
  win.addEventListener('resize', place, o)
  return () => {
    win.removeEventListener('scroll', place, o)
    win.removeEventListener('resize', place, o)
  }
}
