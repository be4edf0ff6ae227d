import type { Campaign, PopupLayout, Text } from '@linger/core/types'
import { type FunctionComponent, render } from 'preact'
import type { MountedWidget, MountOptions, WidgetHost } from '../host'
import { fillVars } from '../text/fillVars'
import { isRtl } from '../text/isRtl'
import { resolveText } from '../text/resolveText'
import { uiString } from '../text/uiString'
import type { Ctx } from '../ui/ctx'
import { attachHost } from './attachHost'
import { themeStyle } from './themeStyle'

/**
 * Mounts `View` with initial state `v` in a fresh shadow root, calls `start` (timers), and
 * returns its handle. A `modal` becomes a bottom `sheet` on viewports ≤ 640 px; `inline` renders into
 * `campaign.target` (a slide-in when that matches nothing). Fixed layouts take no room in
 * the page, so nothing shifts; an inline widget reserves nothing until it mounts. After
 * `close(reason)` the widget removes itself, so a later `unmount()` is a no-op. Focus goes
 * back to `returnFocus` (default: the element focused before) if the widget was modal or
 * held focus.
 */
export function renderWidget<C extends Campaign, V extends object>(
  campaign: C,
  host: WidgetHost,
  options: MountOptions,
  View: FunctionComponent<{ c: Ctx<C, V> }>,
  v: V,
  layout: PopupLayout,
  side?: string,
  start?: (c: Ctx<C, V>) => void,
): MountedWidget {
  const doc = options.document ?? document
  const back = options.returnFocus ?? doc.activeElement
  let target: Element | null = null
  try {
    if (layout === 'inline') target = doc.querySelector((campaign as { target?: string }).target!)
  } catch {}
  if (layout === 'inline' && !target) layout = 'slide-in'
  if (layout === 'modal' && doc.defaultView?.matchMedia?.('(max-width:640px)').matches) layout = 'sheet'
  const modal = layout === 'modal' || layout === 'sheet'
  const { el, root } = attachHost(doc, target)
  const theme = themeStyle(options.theme, doc)
  const locale = host.locale || 'en'
  const stops: Array<() => void> = []
  let gone = false
  let reported = false
  const report = (reason: 'dismissed' | 'converted' | 'completed') => {
    if (!reported) host.close(reason)
    reported = true
  }
  const draw = () => gone || render(<View c={c} />, root)
  const unmount = () => {
    if (gone) return
    gone = true
    for (const stop of stops) stop()
    const hadFocus = root.activeElement
    render(null, root)
    el.remove()
    if (hadFocus || modal) (back as HTMLElement | null)?.focus?.()
  }
  const c: Ctx<C, V> = {
    campaign,
    host,
    t: (text?: Text) => fillVars(resolveText(text, locale), host.vars || {}),
    s: uiString(locale),
    close(reason) {
      if (gone) return
      report(reason)
      unmount()
    },
    report,
    v,
    set(patch) {
      Object.assign(v, patch)
      draw()
    },
    onGone: (stop) => stops.push(stop),
    root,
    layout,
    cls: `m-${layout} ${side === 'left' ? 'left' : ''} ${theme.mode}`,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
    style: theme.style,
  }
  draw()
  start?.(c)
  return { unmount, connected: () => !gone && el.isConnected }
}
