import { no, OK } from '../targeting/decision'
import type { Decision } from '../targeting/types'
import type { PushCampaign } from '../types'
import { type PushDeps, readPush, writePush } from './pushDeps'
import { requestPush } from './requestPush'

/**
 * May the soft prompt show? Never when push is unsupported (`push.unsupported` is emitted once
 * per device) or denied, nor during the "Not now" cooldown. When permission is already granted
 * it subscribes silently and the prompt stays hidden. `show()` passes `cooldown: false`.
 */
export async function pushGate(campaign: PushCampaign, deps: PushDeps, cooldown = true): Promise<Decision> {
  const support = deps.port.support()
  const state = await readPush(deps.kv)
  if (support === 'unsupported' || support === 'ios-needs-install') {
    if (!state.unsupported) {
      deps.emit('push.unsupported', { reason: support })
      await writePush(deps.kv, { unsupported: true })
    }
    return no(`push-${support}`)
  }
  if (support === 'denied') return no('push-denied')
  if (deps.port.permission() === 'granted') {
    await requestPush(campaign, deps)
    return no('push-granted')
  }
  const now = (deps.now ?? Date.now)()
  if (cooldown && state.until !== undefined && now < state.until)
    return no('push-cooldown', { until: new Date(state.until).toISOString() })
  return OK
}
