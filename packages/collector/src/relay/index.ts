export { createRelay, type Relay, type RelayFormat, type RelayOptions, type RelayStats } from './createRelay'
export { relayFromEnv } from './relayFromEnv'
