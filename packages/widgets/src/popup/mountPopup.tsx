import type { PopupCampaign } from '@linger/core/types'
import type { MountWidget } from '../host'
import { renderWidget } from '../mount/renderWidget'
import { Popup } from './Popup'
import { secondsLeft } from './secondsLeft'
import type { PopupState } from './state'

/** Mounts a `popup` campaign in its `layout` (default `modal`) and `position`; ticks its countdown. */
export const mountPopup: MountWidget = (campaign, host, options = {}) => {
  const p = campaign as PopupCampaign
  const cd = p.content?.countdown
  const v: PopupState = { step: 0 }
  if (cd) v.end = cd.until ? Date.parse(cd.until) : Date.now() + (cd.minutes || 0) * 6e4
  return renderWidget(p, host, options, Popup, v, p.layout || 'modal', p.position, (c) => {
    if (!cd) return
    const id = setInterval(() => {
      c.set({})
      if (!secondsLeft(v.end!)) clearInterval(id)
    }, 1e3)
    c.onGone(() => clearInterval(id))
  })
}
