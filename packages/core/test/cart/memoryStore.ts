import type { CartStore } from '../../src/cart'

/** An in-memory CartStore that copies values like IndexedDB's structured clone does. */
export function memoryStore(): CartStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: async <T>(key: string) => structuredClone(data.get(key)) as T | undefined,
    set: async (key, value) => {
      data.set(key, structuredClone(value))
    },
    delMany: async (keys) => {
      for (const k of keys) data.delete(k)
    },
  }
}
