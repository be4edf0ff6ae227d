import type { KvStore } from './KvStore'

const byKey = ([a]: [IDBValidKey, unknown], [b]: [IDBValidKey, unknown]) => (a < b ? -1 : a > b ? 1 : 0)

/** A KvStore in a Map: before consent, after `forget()`, and where IndexedDB fails (see openKv). */
export function memoryKv(): KvStore {
  const map = new Map<IDBValidKey, unknown>()
  const kv = {
    kind: 'memory',
    get: async (k: IDBValidKey) => map.get(k),
    set: async (k: IDBValidKey, v: unknown) => void map.set(k, v),
    setMany: async (es: [IDBValidKey, unknown][]) => {
      for (const [k, v] of es) map.set(k, v)
    },
    getMany: async (ks: IDBValidKey[]) => ks.map((k) => map.get(k)),
    delMany: async (ks: IDBValidKey[]) => {
      for (const k of ks) map.delete(k)
    },
    entries: async () => [...map].sort(byKey),
    clear: async () => map.clear(),
  }
  return kv as KvStore
}
