import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openKv } from '../../src/storage/openKv'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('openKv over IndexedDB', () => {
  it('stores, reads and deletes, and persists across opens', async () => {
    const factory = new IDBFactory()
    const kv = openKv('linger', 'queue', { indexedDB: factory })
    await kv.set('b', { n: 2 })
    await kv.setMany([
      ['a', 1],
      ['c', 3],
    ])
    expect(kv.kind).toBe('indexeddb')
    expect(await kv.get('b')).toEqual({ n: 2 })
    expect(await kv.getMany(['a', 'c', 'x'])).toEqual([1, 3, undefined])
    expect(await kv.entries()).toEqual([
      ['a', 1],
      ['b', { n: 2 }],
      ['c', 3],
    ])
    await kv.delMany(['a', 'b'])
    const again = openKv('linger', 'queue', { indexedDB: factory })
    expect(await again.entries()).toEqual([['c', 3]])
    await again.clear()
    expect(await kv.entries()).toEqual([])
  })

  it('adds a second store to an existing database (several stores share one database)', async () => {
    const factory = new IDBFactory()
    const queue = openKv('linger', 'queue', { indexedDB: factory })
    await queue.set('e', 1)
    const state = openKv('linger', 'state', { indexedDB: factory })
    await state.set('s', 2)
    const cart = openKv('linger', 'cart', { indexedDB: factory })
    await cart.set('c', 3)
    expect([queue.kind, state.kind, cart.kind]).toEqual(['indexeddb', 'indexeddb', 'indexeddb'])
    expect(await queue.get('e')).toBe(1)
    expect(await state.get('s')).toBe(2)
    expect(await cart.get('c')).toBe(3)
  })
  it('writes all pairs of a setMany in one transaction', async () => {
    const factory = new IDBFactory()
    const kv = openKv('linger', 'queue', { indexedDB: factory })
    await kv.get('warm-up')
    const { IDBDatabase } = await import('fake-indexeddb')
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction')
    await kv.setMany([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ])
    await kv.delMany(['a', 'b'])
    expect(transaction).toHaveBeenCalledTimes(2)
    transaction.mockRestore()
    expect(await kv.entries()).toEqual([['c', 3]])
  })

  it('re-opens after another tab deletes the database (versionchange closes our connection)', async () => {
    const factory = new IDBFactory()
    const reasons: string[] = []
    const kv = openKv('linger', 'queue', { indexedDB: factory, onFallback: (r) => reasons.push(r) })
    await kv.set('a', 1)
    await new Promise((done) => {
      factory.deleteDatabase('linger').onsuccess = done
    })
    await kv.set('b', 2)
    expect(await kv.entries()).toEqual([['b', 2]])
    expect(kv.kind).toBe('indexeddb')
    expect(reasons).toEqual([])
  })

  it('opens four stores of one database at once without falling back', async () => {
    const factory = new IDBFactory()
    const reasons: string[] = []
    const names = ['state', 'identity', 'cart', 'queue']
    const kvs = names.map((n) =>
      openKv('linger', n, { indexedDB: factory, onFallback: (r) => reasons.push(r) }),
    )
    await Promise.all(kvs.map((kv, i) => kv.set('k', i)))
    await Promise.all(kvs.map((kv, i) => kv.set('j', i)))
    expect(await Promise.all(kvs.map((kv) => kv.getMany(['k', 'j'])))).toEqual(names.map((_, i) => [i, i]))
    expect(reasons).toEqual([])
  })
  it('opens the database once for all its stores, creating them in one upgrade', async () => {
    const factory = new IDBFactory()
    const opens: (number | undefined)[] = []
    const counting = {
      open: (name: string, version?: number) => {
        opens.push(version)
        return factory.open(name, version)
      },
    } as IDBFactory
    const kvs = ['state', 'identity', 'cart', 'queue'].map((n) =>
      openKv('linger', n, { indexedDB: counting }),
    )
    await Promise.all(kvs.map((kv, i) => kv.set('k', i)))
    expect(opens).toEqual([undefined])
    // A store asked for later (the service worker's, a new version's) is added by one more upgrade.
    const later = openKv('linger', 'later', { indexedDB: counting })
    await later.set('k', 'x')
    expect(await Promise.all([...kvs, later].map((kv) => kv.get('k')))).toEqual([0, 1, 2, 3, 'x'])
    expect(opens).toEqual([undefined, undefined, 2])
    expect([...kvs, later].map((kv) => kv.kind)).toEqual(Array(5).fill('indexeddb'))
  })
})
describe('openKv memory fallback', () => {
  it('uses memory when IndexedDB is missing', async () => {
    const reasons: string[] = []
    const kv = openKv('linger', 'queue', {
      indexedDB: undefined as unknown as IDBFactory,
      onFallback: (r) => reasons.push(r),
    })
    await kv.set('k', 1)
    await kv.set('b', 2)
    expect(await kv.get('k')).toBe(1)
    expect(await kv.entries()).toEqual([
      ['b', 2],
      ['k', 1],
    ])
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['missing'])
  })

  it('uses memory when the page has no indexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const reasons: string[] = []
    // A database name no other test opened: nothing shared to fall back on.
    const kv = openKv('never-opened', 'queue', { onFallback: (r) => reasons.push(r) })
    await kv.set('k', 1)
    expect(await kv.get('k')).toBe(1)
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['missing'])
  })

  it('uses memory when open() throws', async () => {
    const reasons: string[] = []
    const factory = {
      open() {
        throw new DOMException('private mode', 'InvalidStateError')
      },
    } as unknown as IDBFactory
    const kv = openKv('linger', 'queue', { indexedDB: factory, onFallback: (r) => reasons.push(r) })
    await kv.setMany([['k', 1]])
    expect(await kv.entries()).toEqual([['k', 1]])
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['open'])
  })

  it('uses memory when open() never finishes (Safari), after the timeout', async () => {
    vi.useFakeTimers()
    const reasons: string[] = []
    const factory = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory
    const kv = openKv('linger', 'queue', { indexedDB: factory, onFallback: (r) => reasons.push(r) })
    let done = false
    const write = kv.set('k', 1).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await write
    expect(await kv.get('k')).toBe(1)
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['timeout'])
  })

  it('moves to memory when a write hits the quota, without rejecting', async () => {
    const factory = new IDBFactory()
    const reasons: string[] = []
    const kv = openKv('linger', 'queue', { indexedDB: factory, onFallback: (r) => reasons.push(r) })
    await kv.set('before', 1)
    const { IDBObjectStore } = await import('fake-indexeddb')
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await expect(kv.setMany([['after', 2]])).resolves.toBeUndefined()
    put.mockRestore()
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['quota'])
    expect(await kv.get('after')).toBe(2)
  })

  it('moves to memory when a transaction aborts, without rejecting, and says so once', async () => {
    const factory = new IDBFactory()
    const reasons: string[] = []
    const kv = openKv('linger', 'queue', { indexedDB: factory, onFallback: (r) => reasons.push(r) })
    await kv.set('before', 1)
    const { IDBObjectStore } = await import('fake-indexeddb')
    // Like Safari's lost connection: the transaction aborts after the request was made.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      this.transaction.abort()
      return {} as IDBRequest<IDBValidKey>
    })
    await expect(kv.set('after', 2)).resolves.toBeUndefined()
    put.mockRestore()
    await kv.set('later', 3)
    expect(kv.kind).toBe('memory')
    expect(reasons).toEqual(['error'])
    expect(await kv.getMany(['after', 'later'])).toEqual([2, 3])
  })
})
