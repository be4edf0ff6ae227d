import type { StateKv } from '../targeting/caps'
import type { EventType } from '../types'
import type { PushPort, PushState } from './types'

/** What the push flow needs: the browser port, an event sink (adds campaignId), the state kv. */
export interface PushDeps {
  port: PushPort
  emit(type: EventType, props?: Record<string, unknown>): void
  kv: StateKv
  now?: () => number
  /** Subscribe timeout; Chromium offline never settles `subscribe()`. Default 10 s. */
  timeoutMs?: number
}

/** Read the push state from the kv (empty when missing or unreadable). */
export async function readPush(kv: StateKv): Promise<PushState> {
  try {
    return ((await kv.get('push')) as PushState) ?? {}
  } catch {
    return {}
  }
}

/** Merge and store the push state; storage errors are not the visitor's problem. */
export async function writePush(kv: StateKv, patch: PushState): Promise<PushState> {
  const next = { ...(await readPush(kv)), ...patch }
  await kv.set('push', next).catch(() => {})
  return next
}
