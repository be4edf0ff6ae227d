export { IDENTITY_KEY, type Identity, SESSION_IDLE_MS } from './Identity'
export { loadIdentity } from './loadIdentity'
export { newEventId } from './newEventId'
export { touchSession } from './touchSession'
