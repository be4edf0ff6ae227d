/**
 * The Web Locks API as a browser keeps it for one origin: exclusive locks by name, granted in
 * request order; `ifAvailable` gets `null` while the name is held; `query()` lists what is held
 * and what waits. happy-dom has none; `setupWebLocks.ts` gives every test window this one.
 */
export function webLocks(): LockManager {
  const held = new Set<string>()
  const waiting: Array<{ name: string; grant: () => void }> = []
  const acquire = async (name: string) => {
    if (held.has(name)) return new Promise<void>((grant) => waiting.push({ name, grant }))
    held.add(name)
  }
  const free = (name: string) => {
    held.delete(name)
    const next = waiting.findIndex((w) => w.name === name)
    if (next >= 0) {
      held.add(name)
      waiting.splice(next, 1)[0]!.grant()
    }
  }
  const info = (name: string) => ({ name, mode: 'exclusive' as const, clientId: 'test' })
  return {
    async request(
      name: string,
      a: LockOptions | LockGrantedCallback<unknown>,
      b?: LockGrantedCallback<unknown>,
    ) {
      const [options, callback] = typeof a === 'function' ? [{} as LockOptions, a] : [a, b!]
      if (options.ifAvailable && held.has(name)) return callback(null)
      await acquire(name)
      try {
        return await callback(info(name) as Lock)
      } finally {
        free(name)
      }
    },
    async query() {
      // A round trip to the browser (a task later): what a page freed before is free by then.
      await new Promise((done) => setTimeout(done, 0))
      return { held: [...held].map(info), pending: waiting.map((w) => info(w.name)) }
    },
  } as LockManager
}
