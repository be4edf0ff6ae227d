/** A Map-backed kv with the KvStore methods targeting uses; `data` is inspectable. */
export function memoryKv(data = new Map<string, unknown>()) {
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v))
  return {
    data,
    kind: 'memory' as const,
    get: async (k: string) => clone(data.get(k)),
    set: async (k: string, v: unknown) => void data.set(k, clone(v)),
  }
}
