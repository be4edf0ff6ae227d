import type { KvFallbackReason, KvOptions, KvStore } from './KvStore'
import { memoryKv } from './memoryKv'

type Pairs = [IDBValidKey, unknown][]
/** Issues an operation's requests on `s`; a read returns how to get its result once the transaction completes. */
type Op = (s: IDBObjectStore, ...args: never[]) => unknown

const ops: Record<Exclude<keyof KvStore, 'kind'>, Op> = {
  get: (s, k: IDBValidKey) => {
    const r = s.get(k)
    return () => r.result
  },
  set: (s, k: IDBValidKey, v: unknown) => void s.put(v, k),
  setMany: (s, es: Pairs) => {
    for (const [k, v] of es) s.put(v, k)
  },
  getMany: (s, ks: IDBValidKey[]) => {
    const rs = ks.map((k) => s.get(k))
    return () => rs.map((r) => r.result)
  },
  delMany: (s, ks: IDBValidKey[]) => {
    for (const k of ks) s.delete(k)
  },
  // IndexedDB returns both in key order, and one transaction keeps them in step.
  entries: (s) => {
    const ks = s.getAllKeys()
    const vs = s.getAll()
    return () => ks.result.map((k, i) => [k, vs.result[i]])
  },
  clear: (s) => void s.clear(),
}
const reads = ['get', 'getMany', 'entries']

/**
 * Opens `storeName` in the IndexedDB database `dbName` (adding the store to an existing database
 * when needed, so several stores can share one). Falls back to an in-memory Map for the rest of
 * the page's life when IndexedDB is missing, `open` throws, fails or does not finish within
 * `timeoutMs`, or an operation fails (quota): that call then completes in memory, so no method
 * ever rejects. Opens lazily, on the first operation; each call is one transaction.
 */
export function openKv(dbName: string, storeName: string, options: KvOptions = {}): KvStore {
  const mem = memoryKv() as unknown as Record<string, (...args: never[]) => Promise<unknown>>
  let db: Promise<IDBDatabase | undefined> | undefined
  let memory = false

  const fall = (reason: KvFallbackReason) => {
    if (!memory) options.onFallback?.(reason)
    memory = true
  }

  const open = () =>
    new Promise<IDBDatabase | undefined>((done) => {
      const factory = options.indexedDB ?? globalThis.indexedDB
      const fail = (reason: KvFallbackReason) => {
        clearTimeout(timer)
        fall(reason)
        done(undefined)
      }
      // Safari 14.6 could leave the first open() pending forever (WebKit 226547).
      const timer = setTimeout(fail, options.timeoutMs ?? 1000, 'timeout')
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
            clearTimeout(timer)
            // Too late: this store already moved to memory.
            if (memory) return conn.close()
            // Let other tabs upgrade the database; re-open after Safari drops the connection.
            conn.onclose = conn.onversionchange = () => {
              conn.close()
              db = undefined
            }
            done(conn)
          }
          // Two stores racing to upgrade: the loser retries at whatever version is current.
          request.onerror = () => (request.error?.name === 'VersionError' ? attempt() : fail('open'))
        } catch {
          // No IndexedDB at all, or Firefox private mode's InvalidStateError.
          fail(factory ? 'open' : 'missing')
        }
      }
      attempt()
    })

  const run =
    (name: keyof typeof ops) =>
    (...args: never[]): Promise<unknown> => {
      const inMemory = () => mem[name]!(...args)
      if (memory) return inMemory()
      db ||= open()
      return db
        .then((conn) =>
          conn && !memory
            ? new Promise((done, fail) => {
                const mode = reads.includes(name) ? 'readonly' : 'readwrite'
                const tx = conn.transaction(storeName, mode, { durability: 'relaxed' })
                const read = ops[name](tx.objectStore(storeName), ...args) as (() => unknown) | undefined
                tx.oncomplete = () => done(read?.())
                // A failed request aborts the transaction with its error (QuotaExceededError).
                tx.onabort = () => fail(tx.error)
              })
            : inMemory(),
        )
        .catch((error?: DOMException | null) => {
          fall(error?.name === 'QuotaExceededError' ? 'quota' : 'error')
          return inMemory()
        })
    }

  const kv = {
    get kind() {
      return memory ? 'memory' : 'indexeddb'
    },
  } as Record<string, unknown>
  for (const name of Object.keys(ops) as (keyof typeof ops)[]) kv[name] = run(name)
  return kv as unknown as KvStore
}
