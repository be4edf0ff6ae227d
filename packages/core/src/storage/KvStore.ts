/** A small async key-value store: IndexedDB when it works, an in-memory Map when it does not. */
export interface KvStore {
  /** `'memory'` once IndexedDB turned out missing, broken, hung or full. */
  readonly kind: 'indexeddb' | 'memory'
  get<T = unknown>(key: IDBValidKey): Promise<T | undefined>
  set(key: IDBValidKey, value: unknown): Promise<void>
  /** Writes all pairs in ONE transaction. */
  setMany(entries: [IDBValidKey, unknown][]): Promise<void>
  getMany<T = unknown>(keys: IDBValidKey[]): Promise<(T | undefined)[]>
  delMany(keys: IDBValidKey[]): Promise<void>
  /** All pairs, in key order. */
  entries<K extends IDBValidKey = IDBValidKey, V = unknown>(): Promise<[K, V][]>
  clear(): Promise<void>
}

/**
 * Why a store moved to memory: no IndexedDB, `open` threw or failed, `open` hung, a write hit the
 * quota, or another operation failed (e.g. Safari's "connection to Indexed Database server lost").
 */
export type KvFallbackReason = 'missing' | 'open' | 'timeout' | 'quota' | 'error'

export interface KvOptions {
  /** How long `indexedDB.open` may take before we give up (Safari can hang forever). Default 1000. */
  timeoutMs?: number
  /** The IndexedDB factory; default the global one. */
  indexedDB?: IDBFactory
  onFallback?: (reason: KvFallbackReason) => void
}
