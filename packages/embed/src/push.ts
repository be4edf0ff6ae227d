/** linger-push.js: web push in the page, loaded by the campaigns chunk only for configs with a push campaign. */
export { pushFlow } from '@linger/core/push'
