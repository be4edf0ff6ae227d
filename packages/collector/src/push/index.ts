export { savePushSubscriptions } from './savePushSubscriptions'
export {
  MAX_PAYLOAD_BYTES,
  PushError,
  type PushMessage,
  type PushResult,
  type PushSegment,
  pushPayload,
  sendPush,
} from './sendPush'
export { type Vapid, vapidFromEnv } from './vapidFromEnv'
