import type { LingerEvent } from '../types'

/** `QueuedEvent._kept`: written to the store, so it outlives this tab. */
export const IN_STORE = 1
/** `QueuedEvent._kept`: the store refused it (or lives in memory itself): it dies with this tab. */
export const IN_MEMORY = 2

/**
 * An event in this tab's copy of the queue. The script-tag build shortens `_` properties
 * (esbuild `mangleProps`), so these names cost no bytes.
 */
export interface QueuedEvent {
  _event: LingerEvent
  /** Its JSON size in bytes. */
  _bytes: number
  /** `IN_STORE`, `IN_MEMORY`, or unset while its write has not finished. */
  _kept?: typeof IN_STORE | typeof IN_MEMORY
  /** In a request whose answer has not come yet. */
  _sending?: boolean
}
