import { browserPort } from './browserPort'
import { dismissPush } from './dismissPush'
import { pushGate } from './pushGate'
import { requestPush } from './requestPush'
import { resyncPush } from './resyncPush'
import { unsubscribePush } from './unsubscribePush'

/**
 * Everything web push does in the page, as one module the campaigns part loads only when the
 * config has a push campaign (`InitOptions.loadPush`; the script tag's `linger-push.js`).
 */
export const pushFlow = { browserPort, pushGate, requestPush, dismissPush, resyncPush, unsubscribePush }
export type PushFlow = typeof pushFlow
