import type { Campaign } from '../types'

// Landmarks a site's own navigation lives in.
const NAV = 'header,nav,[role=banner],[role=navigation]'

/**
 * Keeps the widget just shown for `campaign` off the page's own header and navigation: a
 * `bar-top` sits just below a header that is in view (fixed, sticky, or the page's own at the top
 * until it scrolls away), a `bar-bottom` or a slide-in (surveys and push prompts are slide-ins)
 * just above a bottom navigation. The widget's panel moves with `transform`, which never counts
 * as a layout shift, and nothing of the page moves: the widget adds nothing to the site's CLS.
 * Here in the core, not in the widgets chunk, which has no bytes to spare; the panel is the
 * dialog in the `<linger-widget>`'s open shadow root. Stops by itself once the widget is gone.
 */
export function keepClear(win: Window, campaign: Campaign): void {
  const layout = campaign.kind === 'popup' ? campaign.layout : 'slide-in'
  const top = layout === 'bar-top'
  if (!top && layout !== 'bar-bottom' && layout !== 'slide-in') return
  const host = [...win.document.querySelectorAll('linger-widget')].pop()
  const panel = host?.shadowRoot?.querySelector<HTMLElement>('[role=dialog]')
  if (!panel) return
  const events = ['scroll', 'resize']
  const place = () => {
    if (!panel.isConnected) {
      for (const e of events) win.removeEventListener(e, place)
      return
    }
    const vh = win.innerHeight
    // Each landmark's start and end, measured from the edge, nearest first: stacked strips (a
    // promo line over a header) add up.
    const spans = [...win.document.querySelectorAll(NAV)]
      .map((n) => n.getBoundingClientRect())
      .map((r) => [top ? r.top : vh - r.bottom, top ? r.bottom : vh - r.top, r.height])
      .sort((a, b) => a[0]! - b[0]!)
    let clear = 0
    // A sidebar or a whole-page landmark is no strip along the edge.
    for (const [from, to, height] of spans)
      if (height && height < vh / 3 && from! <= clear + 16 && to! > clear) clear = to!
    panel.style.transform = clear ? `translateY(${top ? clear : -clear}px)` : ''
  }
  place()
  for (const e of events) win.addEventListener(e, place)
}
