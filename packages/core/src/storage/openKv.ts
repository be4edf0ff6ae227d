import { clear, delMany, entries, get, getMany, set, setMany, type UseStore } from 'idb-keyval'
import type { KvFallbackReason, KvOptions, KvStore } from './KvStore'

type Op = (...args: never[]) => unknown
type Ops = Record<Exclude<keyof KvStore, 'kind'>, Op>

const byKey = ([a]: [IDBValidKey, unknown], [b]: [IDBValidKey, unknown]) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Opens `storeName` in the IndexedDB database `dbName` (adding the store to an existing database
 * when needed, so several stores can share one) and runs idb-keyval over it. Falls back to an
 * in-memory Map for the rest of the page's life when IndexedDB is missing, `open` throws, fails or
 * does not finish within `timeoutMs`, or an operation fails (quota): that call then completes in
 * memory, so no method ever rejects. Opens lazily, on the first operation.
 */
export function openKv(dbName: string, storeName: string, options: KvOptions = {}): KvStore {
  const map = new Map<IDBValidKey, unknown>()
  const mem: Ops = {
    get: (k: IDBValidKey) => map.get(k),
    set: (k: IDBValidKey, v: unknown) => void map.set(k, v),
    setMany: (pairs: [IDBValidKey, unknown][]) => {
      for (const [k, v] of pairs) map.set(k, v)
    },
    getMany: (keys: IDBValidKey[]) => keys.map((k) => map.get(k)),
    delMany: (keys: IDBValidKey[]) => {
      for (const k of keys) map.delete(k)
    },
    entries: () => [...map].sort(byKey),
    clear: () => map.clear(),
  }
  const idb: Ops = { get, set, setMany, getMany, delMany, entries, clear }
  let db: Promise<UseStore | undefined> | undefined
  let memory = false

  const fall = (reason: KvFallbackReason) => {
    if (!memory) options.onFallback?.(reason)
    memory = true
  }

  const open = () =>
    new Promise<UseStore | undefined>((done) => {
      const factory = options.indexedDB ?? globalThis.indexedDB
      let settled = false
      const finish = (store?: UseStore, reason?: KvFallbackReason) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (reason) fall(reason)
        done(store)
      }
      // Safari 14.6 could leave the first open() pending forever (WebKit 226547).
      const timer = setTimeout(finish, options.timeoutMs ?? 1000, undefined, 'timeout')
      const attempt = (version?: number) => {
        try {
          const request = factory.open(dbName, version)
          request.onupgradeneeded = () => {
            const conn = request.result
            if (!conn.objectStoreNames.contains(storeName)) conn.createObjectStore(storeName)
          }
          request.onsuccess = () => {
            const conn = request.result
            // Another store of this database was created first: bump the version to add ours.
            if (!conn.objectStoreNames.contains(storeName)) {
              conn.close()
              return attempt(conn.version + 1)
            }
            if (settled) return conn.close()
            // Let other tabs upgrade the database; re-open after Safari drops the connection.
            conn.onclose = conn.onversionchange = () => {
              conn.close()
              db = undefined
            }
            finish(async (mode, callback) =>
              callback(conn.transaction(storeName, mode, { durability: 'relaxed' }).objectStore(storeName)),
            )
          }
          // Two stores racing to upgrade: the loser retries at whatever version is current.
          request.onerror = () =>
            request.error?.name === 'VersionError' ? attempt() : finish(undefined, 'open')
        } catch {
          // No IndexedDB at all, or Firefox private mode's InvalidStateError.
          finish(undefined, factory ? 'open' : 'missing')
        }
      }
      attempt()
    })

  const run =
    (name: keyof Ops) =>
    (...args: never[]): Promise<unknown> => {
      const inMemory = () => mem[name](...args)
      if (memory) return Promise.resolve(inMemory())
      db ||= open()
      return db
        .then((store) => (store && !memory ? (idb[name] as Op)(...args, store as never) : inMemory()))
        .catch((error?: DOMException) => {
          fall(error?.name === 'QuotaExceededError' ? 'quota' : 'error')
          return inMemory()
        })
    }

  const kv = {
    get kind() {
      return memory ? 'memory' : 'indexeddb'
    },
  } as Record<string, unknown>
  for (const name of Object.keys(idb) as (keyof Ops)[]) kv[name] = run(name)
  return kv as unknown as KvStore
}
