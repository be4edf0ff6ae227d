import type { KvStore } from '../storage/KvStore'

/** A KvStore whose backing store can be replaced: memory until consent, IndexedDB after, memory after forget. */
export interface SwitchKv extends KvStore {
  /** Use `next` from now on; with `copy`, carry the current entries over first. */
  use(next: KvStore, copy?: boolean): Promise<void>
}

export function switchKv(initial: KvStore): SwitchKv {
  let kv = initial
  const call =
    (name: Exclude<keyof KvStore, 'kind'>) =>
    (...args: unknown[]) =>
      (kv[name] as (...a: unknown[]) => unknown)(...args)
  return {
    get kind() {
      return kv.kind
    },
    get: call('get'),
    set: call('set'),
    setMany: call('setMany'),
    getMany: call('getMany'),
    delMany: call('delMany'),
    entries: call('entries'),
    clear: call('clear'),
    async use(next, copy) {
      const entries = copy ? await kv.entries().catch(() => []) : []
      kv = next
      // Issued right after the switch, so later writes land after the copy.
      if (entries.length) await next.setMany(entries).catch(() => {})
    },
  } as SwitchKv
}
