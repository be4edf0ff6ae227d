import type { Link } from '@linger/core/types'
import { safeUrl } from '../text/safeUrl'
import type { Ctx } from '../ui/ctx'

/**
 * A CTA (`primary`: converts) or secondary link. `link` navigates, but only to a safe URL,
 * checked here again after `{{variables}}` are filled (otherwise it renders as a button that
 * just closes); `copy-coupon` calls `copy`; `show` opens another campaign; `close` closes.
 */
export function Action(props: { c: Ctx; link: Link; primary?: boolean; copy(): void }) {
  const { c, link, primary } = props
  const act = link.action || (link.href ? 'link' : 'close')
  const href = act === 'link' ? safeUrl(c.t(link.href)) : undefined
  const reason = primary ? 'converted' : 'dismissed'
  const run = () => {
    if (act === 'copy-coupon') return props.copy()
    if (act === 'show') {
      c.close(reason)
      if (link.campaign) c.host.show(link.campaign)
    } else if (href) {
      // Record the conversion now, before a fast navigation can unload the page; remove the
      // widget only after the click, since a link taken out of the document doesn't navigate.
      c.report(reason)
      setTimeout(() => c.close(reason))
    } else c.close(act === 'close' ? 'dismissed' : reason)
  }
  const cls = primary ? 'b cta' : 'b'
  const label = c.t(link.label)
  return href ? (
    <a class={cls} href={href} onClick={run}>
      {label}
    </a>
  ) : (
    <button type="button" class={cls} onClick={run}>
      {label}
    </button>
  )
}
