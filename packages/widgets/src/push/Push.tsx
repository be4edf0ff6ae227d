import type { PushCampaign } from '@linger/core/types'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { Frame } from '../ui/Frame'

export type PushResult = 'subscribed' | 'denied' | 'failed'
const said: Record<PushResult, number> = { subscribed: K.subscribed, denied: K.blocked, failed: K.failed }

/**
 * The push soft prompt. It asks in the site's own words and theme, in a card in the page's
 * bottom corner with the site's close button: deliberately nothing like the browser's
 * permission bubble (top-left, browser chrome, "Allow/Block"), since Chrome acts against
 * pre-prompts that imitate system UI. Only the allow click (a user gesture) asks the core
 * for the real permission; the outcome is shown in a status line. Deny closes as dismissed.
 */
export function Push({ c }: { c: Ctx<PushCampaign, { state: PushResult | 'busy' | '' }> }) {
  const k = c.campaign.content
  const s = c.v.state
  const done = s && s !== 'busy'
  const allow = async () => {
    c.set({ state: 'busy' })
    let r: PushResult = 'failed'
    try {
      r = (await c.host.requestPush?.()) || r
    } catch {}
    c.set({ state: r })
    c.root.querySelector<HTMLElement>('[role=status]')?.focus()
  }
  return (
    <Frame c={c} onClose={() => c.close(s === 'subscribed' ? 'converted' : 'dismissed')}>
      <h2 id="t">{c.t(k.title)}</h2>
      {k.body && <p>{c.t(k.body)}</p>}
      <p role="status" tabIndex={-1}>
        {done ? c.s(said[s]) : ''}
      </p>
      {!done && (
        <div class="ac">
          <button type="button" class="cta" disabled={!!s} onClick={allow}>
            {c.t(k.allow)}
          </button>
          <button type="button" disabled={!!s} onClick={() => c.close('dismissed')}>
            {c.t(k.deny)}
          </button>
        </div>
      )}
    </Frame>
  )
}
