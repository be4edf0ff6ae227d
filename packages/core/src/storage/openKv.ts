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

/** One page's connection to one database, shared by its stores; `stores`: every store asked for so far. */
interface Database {
  factory: IDBFactory
  stores: Set<string>
  conn?: Promise<IDBDatabase | KvFallbackReason>
}
// By name; a store opened through another factory (tests bring their own) starts its own.
const databases = new Map<string, Database>()

/**
 * Opens the database with every store asked for so far, creating the missing ones in one upgrade
 * (one `open` on a fresh visit, where one per store cost four opens and four upgrades, each
 * blocking the next). Resolves to why it could not: `open` threw or failed, or it did not finish
 * within `timeoutMs` (Safari 14.6 could leave the first open() pending forever, WebKit 226547).
 */
function connect(name: string, d: Database, timeoutMs: number) {
  const conn = new Promise<IDBDatabase | KvFallbackReason>((done) => {
    const fail = (reason: KvFallbackReason) => {
      clearTimeout(timer)
      done(reason)
    }
    const timer = setTimeout(fail, timeoutMs, 'timeout')
    const missing = (db: IDBDatabase) => [...d.stores].filter((s) => !db.objectStoreNames.contains(s))
    const attempt = (version?: number) => {
      try {
        const request = d.factory.open(name, version)
        request.onupgradeneeded = () => {
          for (const store of missing(request.result)) request.result.createObjectStore(store)
        }
        request.onsuccess = () => {
          const db = request.result
          // Opened by an older page or the service worker with fewer stores: a version up adds ours.
          if (missing(db).length) {
            db.close()
            return attempt(db.version + 1)
          }
          clearTimeout(timer)
          // Let other tabs upgrade or delete the database (a connection that came after the timeout,
          // unused, too); re-open after Safari drops the connection.
          db.onclose = db.onversionchange = () => {
            db.close()
            if (d.conn === conn) d.conn = undefined
          }
          done(db)
        }
        // Another tab upgrading at the same moment: retry at whatever version is current.
        request.onerror = () => (request.error?.name === 'VersionError' ? attempt() : fail('open'))
      } catch {
        // Firefox private mode's InvalidStateError.
        fail('open')
      }
    }
    attempt()
  })
  return conn
}

/**
 * Opens `storeName` in the IndexedDB database `dbName`; the stores of one database share one
 * connection, opened with all of them on the first operation of any. Falls back to an in-memory
 * Map for the rest of the page's life when IndexedDB is missing, `open` throws, fails or does not
 * finish within `timeoutMs`, or an operation fails (quota): that call then completes in memory,
 * so no method ever rejects. Each call is one transaction.
 */
export function openKv(dbName: string, storeName: string, options: KvOptions = {}): KvStore {
  const mem = memoryKv() as unknown as Record<string, (...args: never[]) => Promise<unknown>>
  const factory = options.indexedDB ?? globalThis.indexedDB
  let memory = false
  let d = databases.get(dbName)
  if (!d || d.factory !== factory) {
    d = { factory, stores: new Set() }
    databases.set(dbName, d)
  }
  d.stores.add(storeName)

  const fall = (reason: KvFallbackReason) => {
    if (!memory) options.onFallback?.(reason)
    memory = true
  }
  /**
   * The shared connection, holding this store. A store asked for after it opened: a new connection
   * adds it (the old one closes itself on the upgrade's versionchange).
   */
  const open = async (): Promise<IDBDatabase | KvFallbackReason> => {
    if (!factory) return 'missing'
    d.conn ??= connect(dbName, d, options.timeoutMs ?? 1000)
    const shared = d.conn
    const conn = await shared
    // Failed: the stores waiting move to memory; stores opened later (consent given) try again.
    const retry = typeof conn !== 'string' && !conn.objectStoreNames.contains(storeName)
    if (d.conn === shared && (retry || typeof conn === 'string')) d.conn = undefined
    return retry ? open() : conn
  }

  const run =
    (name: keyof typeof ops) =>
    (...args: never[]): Promise<unknown> => {
      const inMemory = () => mem[name]!(...args)
      if (memory) return inMemory()
      return open()
        .then((conn) => {
          if (typeof conn === 'string') fall(conn)
          if (typeof conn === 'string' || memory) return inMemory()
          return new Promise((done, fail) => {
            const mode = reads.includes(name) ? 'readonly' : 'readwrite'
            const tx = conn.transaction(storeName, mode, { durability: 'relaxed' })
            const read = ops[name](tx.objectStore(storeName), ...args) as (() => unknown) | undefined
            tx.oncomplete = () => done(read?.())
            // A failed request aborts the transaction with its error (QuotaExceededError).
            tx.onabort = () => fail(tx.error)
          })
        })
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
