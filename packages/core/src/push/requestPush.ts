import type { PushCampaign } from '../types'
import { type PushDeps, readPush, writePush } from './pushDeps'
import { withTimeout } from './withTimeout'

/**
 * Ask for permission (from the visitor's click) unless already granted, then register the
 * worker and subscribe, under a timeout. Emits `push.subscribed` (only when the endpoint is new
 * to us), `push.denied` or `push.failed` with a `reason`.
 */
export async function requestPush(
  campaign: PushCampaign,
  deps: PushDeps,
): Promise<'subscribed' | 'denied' | 'failed'> {
  const { port, emit } = deps
  let permission: NotificationPermission
  try {
    permission = port.permission()
    if (permission === 'default') permission = await port.request()
  } catch (e) {
    emit('push.failed', { reason: reason(e) })
    return 'failed'
  }
  if (permission !== 'granted') {
    emit('push.denied')
    return 'denied'
  }
  try {
    const sub = await withTimeout(
      port.subscribe(campaign.serviceWorker ?? '/linger-sw.js', campaign.scope, campaign.vapidPublicKey),
      deps.timeoutMs ?? 10_000,
    )
    const subscription = sub.toJSON()
    if (subscription.endpoint !== (await readPush(deps.kv)).endpoint) {
      emit('push.subscribed', { subscription })
      await writePush(deps.kv, { endpoint: subscription.endpoint })
    }
    return 'subscribed'
  } catch (e) {
    emit('push.failed', { reason: reason(e) })
    return 'failed'
  }
}

const reason = (e: unknown) =>
  e instanceof Error ? (e.name === 'TimeoutError' ? 'timeout' : `${e.name}: ${e.message}`) : String(e)
