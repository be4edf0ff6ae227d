import type { KvStore } from '../storage/KvStore'

/** A KvStore in memory: used until consent is given, and after `forget()`. */
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
    entries: async () => [...map],
    clear: async () => map.clear(),
  }
  return kv as KvStore
}
