import type { KvStore } from '../storage/KvStore'

/** A KvStore whose backing store can be replaced: memory until consent, IndexedDB after, memory after forget. */
export interface SwitchKv extends KvStore {
  /**
   * Use `next` from now on (at once, so no write lands in the old store); with `copy`, carry
   * the old entries over, except keys written to `next` meanwhile (those are newer). Resolves to
   * the store it replaced (`forget()` clears that one while the page goes on in `next`).
   */
  use(next: KvStore, copy?: boolean): Promise<KvStore>
}

export function switchKv(initial: KvStore): SwitchKv {
  let kv = initial
  let written: Set<IDBValidKey> | undefined
  /** Remembers keys written while a copy runs; returns the current store. */
  const note = (keys: IDBValidKey[]) => {
    for (const k of keys) written?.add(k)
    return kv
  }
  return {
    get kind() {
      return kv.kind
    },
    get: (k) => kv.get(k),
    set: (k, v) => note([k]).set(k, v),
    setMany: (es) => note(es.map(([k]) => k)).setMany(es),
    getMany: (ks) => kv.getMany(ks),
    delMany: (ks) => note(ks).delMany(ks),
    entries: () => kv.entries(),
    clear: () => kv.clear(),
    async use(next, copy) {
      const from = kv
      kv = next
      if (!copy) return from
      const mine = new Set<IDBValidKey>()
      written = mine
      const entries = await from.entries().catch(() => [] as [IDBValidKey, unknown][])
      await next.setMany(entries.filter(([k]) => !mine.has(k))).catch(() => {})
      if (written === mine) written = undefined
      return from
    },
  } as SwitchKv
}
