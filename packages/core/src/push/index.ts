// @linger/core/push: the web-push flow the campaigns part loads only when a config has a push
// campaign (the script tag's linger-push.js), and the support check a page may call itself.
export { type PushFlow, pushFlow } from './pushFlow'
export { pushSupport } from './pushSupport'
export type { PushPort, PushState, PushSupport, SubscriptionLike } from './types'
