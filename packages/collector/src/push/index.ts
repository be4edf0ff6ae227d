export { pushEndpointProblem } from './pushEndpointProblem'
export { savePushSubscriptions } from './savePushSubscriptions'
export {
  MAX_PAYLOAD_BYTES,
  PushError,
  type PushMessage,
  type PushResult,
  type PushSegment,
  pushPayload,
  type SendOptions,
  sendPush,
} from './sendPush'
export { testOriginsFromEnv } from './testOriginsFromEnv'
export { type Vapid, vapidFromEnv } from './vapidFromEnv'
