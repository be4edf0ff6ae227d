import type { PushCampaign } from '../types'
import type { PushPort } from './types'

/** `forget()`: drop this device's push subscription for the campaign's worker, if there is one. */
export async function unsubscribePush(campaign: PushCampaign, port: PushPort): Promise<void> {
  try {
    if (port.support() === 'supported' && port.permission() === 'granted')
      await (await port.current(campaign.serviceWorker ?? '/linger-sw.js', campaign.scope))?.unsubscribe?.()
  } catch {}
}
