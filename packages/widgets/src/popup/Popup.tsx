import type { PopupCampaign } from '@linger/core/types'
import * as K from '../text/keys'
import { safeUrl } from '../text/safeUrl'
import type { Ctx } from '../ui/ctx'
import { Frame } from '../ui/Frame'
import { focusSelf } from '../ui/focusSelf'
import { Action } from './Action'
import { CartItems } from './CartItems'
import { Countdown } from './Countdown'
import { copyText } from './copyText'
import { EmailForm } from './EmailForm'
import type { PopupState } from './state'
import { Teaser } from './Teaser'

/**
 * A pop-up in any layout: image, title, body, cart items, countdown, coupon, email capture,
 * CTA and secondary link; a success step after email capture; with `teaser`, closing
 * shrinks it to a tab that reopens it. Copying the coupon or capturing an email makes the
 * final close a conversion.
 */
export function Popup({ c }: { c: Ctx<PopupCampaign, PopupState> }) {
  const k = c.campaign.content || {}
  const v = c.v
  const end = () => c.close(v.won ? 'converted' : 'dismissed')
  const copy = async () => {
    c.host.track('campaign.clicked', { action: 'copy-coupon' })
    v.won = true
    c.set({ copied: await copyText(c.t(k.coupon), c.root.querySelector('code')) })
  }
  if (v.step === 1)
    return <Teaser c={c} text={c.t(k.teaser)} close={end} open={() => c.set({ step: 0, reopened: true })} />
  const title = c.t(k.title)
  const s = k.success
  return (
    <Frame
      c={c}
      onClose={() => (k.teaser && !v.step ? c.set({ step: 1 }) : end())}
      focus={v.reopened}
      label={title ? undefined : c.t(k.body) || c.t(k.cta?.label) || c.campaign.id}
    >
      {v.step === 2 ? (
        <>
          <h2 id="t" tabIndex={-1} ref={focusSelf}>
            {c.t(s?.title) || c.s(K.thanks)}
          </h2>
          {s?.body && <p>{c.t(s.body)}</p>}
        </>
      ) : (
        <>
          {k.image && <img class="im" src={safeUrl(k.image.src)} alt={c.t(k.image.alt)} />}
          {title && <h2 id="t">{title}</h2>}
          {k.body && <p>{c.t(k.body)}</p>}
          {k.items && <CartItems items={c.host.cartItems} />}
          {v.end !== undefined && <Countdown end={v.end} label={c.t(k.countdown?.label)} />}
          {k.coupon && (
            <div class="cp">
              <code>{c.t(k.coupon)}</code>
              <button type="button" onClick={copy}>
                {c.s(v.copied ? K.copied : K.copy)}
              </button>
            </div>
          )}
          {k.email && <EmailForm c={c} spec={k.email} />}
          {(k.cta || k.secondary) && (
            <div class="ac">
              {k.cta && <Action c={c} link={k.cta} primary copy={copy} />}
              {k.secondary && <Action c={c} link={k.secondary} copy={copy} />}
            </div>
          )}
        </>
      )}
      <span class="sr" aria-live="polite">
        {v.copied ? c.s(K.copied) : ''}
      </span>
    </Frame>
  )
}
