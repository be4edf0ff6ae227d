import { newEventId } from '../../src/identity/newEventId'
import type { KvStore } from '../../src/storage/KvStore'
import type { LingerEvent } from '../../src/types'

/** An in-memory KvStore that counts its operations (each one would be one IndexedDB transaction). */
export function countingKv(init: [string, unknown][] = [], delayMs = 0) {
  const map = new Map<IDBValidKey, unknown>(init)
  const calls: string[] = []
  const failNext: { setMany?: () => Error } = {}
  // Like IndexedDB, an operation completes in a later task when `delayMs` > 0.
  const tick = () => (delayMs ? new Promise((done) => setTimeout(done, delayMs)) : Promise.resolve())
  const kv: KvStore & { map: typeof map; calls: typeof calls; failNext: typeof failNext } = {
    kind: 'indexeddb',
    map,
    calls,
    failNext,
    async get<T>(k: IDBValidKey) {
      calls.push('get')
      await tick()
      return map.get(k) as T | undefined
    },
    async set(k, v) {
      calls.push('set')
      await tick()
      map.set(k, v)
    },
    async setMany(pairs) {
      calls.push('setMany')
      await tick()
      const error = failNext.setMany?.()
      if (error) throw error
      for (const [k, v] of pairs) map.set(k, v)
    },
    async getMany<T>(keys: IDBValidKey[]) {
      calls.push('getMany')
      await tick()
      return keys.map((k) => map.get(k)) as T[]
    },
    async delMany(keys) {
      calls.push('delMany')
      await tick()
      for (const k of keys) map.delete(k)
    },
    async entries<K, V>() {
      calls.push('entries')
      await tick()
      return [...map].sort(([a], [b]) => (a < b ? -1 : 1)) as [K, V][]
    },
    async clear() {
      calls.push('clear')
      await tick()
      map.clear()
    },
  }
  return kv
}

export interface Sent {
  at: number
  url: string
  init: RequestInit
  body: { site: string; sentAt: string; events: LingerEvent[]; dropped?: number }
}

export type Reply = number | { status: number; headers?: Record<string, string> } | 'network' | 'hang'

/** A fetch that logs each request and answers from `plan` (then `fallback`). */
export function fakeFetch(plan: Reply[] = [], fallback: Reply | ((body: Sent['body']) => Reply) = 200) {
  const sent: Sent[] = []
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body))
    sent.push({ at: Date.now(), url: String(url), init, body })
    const reply = plan.shift() ?? (typeof fallback === 'function' ? fallback(body) : fallback)
    if (reply === 'network') throw new TypeError('Failed to fetch')
    if (reply === 'hang') return new Promise<Response>(() => {})
    const { status, headers } = typeof reply === 'number' ? { status: reply, headers: {} } : reply
    return new Response(status === 204 ? null : '{}', { status, headers })
  }
  return {
    fetch: fetch as typeof globalThis.fetch,
    sent,
    ids: () => sent.flatMap((s) => s.body.events.map((e) => e.id)),
  }
}

/** A window stand-in: events, a document with a settable visibilityState, navigator.onLine / locks. */
export function fakeWindow(locks?: LockManager) {
  const win = new EventTarget() as EventTarget & { document: EventTarget & { visibilityState: string } }
  win.document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  Object.assign(win, { navigator: { onLine: true, locks } })
  return win as unknown as Window & { document: { visibilityState: string } }
}

let n = 0
/** An event envelope; `size` pads props to roughly that many bytes of JSON. */
export function ev(size = 0, ts = new Date().toISOString()): LingerEvent {
  return {
    id: newEventId(),
    type: 'test',
    ts,
    site: 's',
    visitorId: 'v',
    sessionId: 's',
    url: 'http://x/',
    props: { n: n++, pad: 'x'.repeat(size) },
  }
}

/** Lets promise chains and due timers run (fake timers). */
export async function settle(ms = 0) {
  const { vi } = await import('vitest')
  for (let i = 0; i < 30; i++) await vi.advanceTimersByTimeAsync(i ? 0 : ms)
}

/** A Web Locks manager of its own (one browser profile): see ../webLocks.ts. */
export { webLocks as fakeLocks } from '../webLocks'
