// The preview frame: mounts a campaign with the real widgets package, as on a site, and
// reports what the widget does back to the playground.
import type { Campaign, CartItem, Theme } from '@linger/core/types'
import { mount } from '@linger/widgets'

interface PreviewMessage {
  type: 'preview'
  campaign: Campaign
  theme?: Theme
  locale: string
  vars: Record<string, string>
  cartItems?: CartItem[]
}

let current: { unmount(): void } | undefined
const report = (message: Record<string, unknown>) => parent.postMessage(message, location.origin)

addEventListener('message', (event: MessageEvent<PreviewMessage | { type: 'clear' }>) => {
  if (event.origin !== location.origin) return
  current?.unmount()
  current = undefined
  const data = event.data
  if (data.type !== 'preview') return
  const host = {
    locale: data.locale,
    vars: data.vars,
    cartItems: data.cartItems,
    track: (type: string, props?: Record<string, unknown>) => report({ type: 'event', name: type, props }),
    close: (reason: string) => {
      report({ type: 'event', name: `campaign.${reason === 'completed' ? 'completed' : reason}` })
      current?.unmount()
      current = undefined
    },
    show: (campaignId: string) => report({ type: 'show', campaignId }),
    // A preview never asks the browser for permission: say what would happen instead.
    requestPush: async () => {
      report({ type: 'event', name: 'push.requested (not sent in preview)' })
      return 'denied' as const
    },
  }
  current = mount(data.campaign, host, { theme: data.theme })
  report({ type: 'event', name: 'campaign.shown' })
})
report({ type: 'ready' })
