import 'fake-indexeddb/auto'
import { createStore, delMany, get, set } from 'idb-keyval'
import { describe, expect, it, vi } from 'vitest'
import { type CartStore, createCart } from '../../src/cart'

// Real persistence: each createCart is a page load; the IndexedDB database outlives it.
function idbStore(db: string): CartStore & { raw: () => Promise<unknown> } {
  const st = createStore(db, 'kv')
  return {
    get: (k) => get(k, st),
    set: (k, v) => set(k, v, st),
    delMany: (ks) => delMany(ks, st),
    raw: () => get('cart', st),
  }
}

const DAY = 86_400_000
const tee = { id: 'SKU_12345', name: 'Stan and Friends Tee', price: 10.01, quantity: 3 }

describe('createCart on IndexedDB', () => {
  it('keeps the cart and the exposure across visits, and forget() deletes them', async () => {
    let clock = Date.UTC(2026, 2, 10)
    const events: Array<[string, Record<string, unknown>]> = []
    const visit = () =>
      createCart({
        store: idbStore('linger-cart-visits'),
        emit: (t, p) => events.push([t, p]),
        now: () => clock,
        debounceMs: 5,
      })

    const first = visit()
    first.set({ items: [tee], value: 30.03, currency: 'USD' })
    first.addShown('cart-rescue', 'a', false)
    await vi.waitFor(() => expect(events).toHaveLength(1))
    expect(events[0]).toEqual(['cart.updated', { items: [tee], value: 30.03, currency: 'USD' }])

    clock += 3 * DAY
    const second = visit()
    await second.ready
    expect(second.get()).toEqual({ items: [tee], value: 30.03, currency: 'USD' })
    expect(second.lastChangedAt()).toBe(Date.UTC(2026, 2, 10))
    second.apply({ op: 'add', items: [{ ...tee, quantity: 1 }] })
    await vi.waitFor(() => expect(events).toHaveLength(2))
    expect(events[1]?.[1]).toMatchObject({ value: 40.04, items: [{ id: 'SKU_12345', quantity: 4 }] })

    const third = visit()
    await third.ready
    expect(third.get()?.items[0]?.quantity).toBe(4)
    third.purchase({ orderId: 'T_12345', value: 40.04, currency: 'USD' })
    await vi.waitFor(() => expect(events).toHaveLength(3))
    expect(events[2]).toEqual([
      'purchase',
      {
        orderId: 'T_12345',
        value: 40.04,
        currency: 'USD',
        items: [{ ...tee, quantity: 4 }],
        recoveredBy: {
          campaignId: 'cart-rescue',
          variant: 'a',
          heldOut: false,
          shownAt: '2026-03-10T00:00:00.000Z',
        },
      },
    ])

    const fourth = visit()
    fourth.set({ items: [tee], value: 30.03, currency: 'USD' })
    await fourth.ready
    await vi.waitFor(async () =>
      expect(await idbStore('linger-cart-visits').raw()).toMatchObject({ cart: {} }),
    )
    await fourth.forget()
    expect(await idbStore('linger-cart-visits').raw()).toBeUndefined()
    const fifth = visit()
    await fifth.ready
    expect(fifth.get()).toBeUndefined()
  })
})
