import type { PushCampaign } from '../types'
import { type PushDeps, readPush, writePush } from './pushDeps'

/**
 * On each visit, compare the browser's subscription with the one last reported and re-send
 * `push.subscribed` when it changed: Chrome never fires `pushsubscriptionchange`.
 */
export async function resyncPush(campaign: PushCampaign, deps: PushDeps): Promise<void> {
  if (deps.port.support() !== 'supported' || deps.port.permission() !== 'granted') return
  try {
    const sub = await deps.port.current(campaign.serviceWorker ?? '/linger-sw.js', campaign.scope)
    const subscription = sub?.toJSON()
    if (subscription?.endpoint && subscription.endpoint !== (await readPush(deps.kv)).endpoint) {
      deps.emit('push.subscribed', { subscription, resync: true })
      await writePush(deps.kv, { endpoint: subscription.endpoint })
    }
  } catch {}
}
