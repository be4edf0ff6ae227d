import { describe, expect, it } from 'vitest'
import { applyDelta, toCart } from '../../src/cart'

const tee = { id: 'SKU_12345', name: 'Tee', price: 9.99, quantity: 1 }
const mug = { id: 'SKU_12346', name: 'Mug', price: 21.01, quantity: 2 }

describe('applyDelta', () => {
  it('adds to a missing cart, taking the delta currency', () => {
    expect(applyDelta(undefined, { op: 'add', items: [tee], currency: 'USD' })).toEqual({
      items: [tee],
      value: 9.99,
      currency: 'USD',
    })
  })

  it('adjusts the quantity of the same id and adds new lines after the existing ones', () => {
    const cart = { items: [tee], value: 9.99, currency: 'USD' }
    const next = applyDelta(cart, { op: 'add', items: [{ ...tee, quantity: 2 }, mug] })
    expect(next).toEqual({ items: [{ ...tee, quantity: 3 }, mug], value: 71.99, currency: 'USD' })
    expect(cart.items[0]?.quantity).toBe(1) // the old cart is not mutated
  })

  it('removes a line that reaches 0 (or less) and an empty cart becomes none', () => {
    const cart = { items: [{ ...tee, quantity: 3 }, mug], value: 71.99, currency: 'USD' }
    expect(applyDelta(cart, { op: 'remove', items: [{ ...tee, quantity: 1 }] })).toEqual({
      items: [{ ...tee, quantity: 2 }, mug],
      value: 62,
      currency: 'USD',
    })
    expect(applyDelta(cart, { op: 'remove', items: [{ ...mug, quantity: 9 }] })).toEqual({
      items: [{ ...tee, quantity: 3 }],
      value: 29.97,
      currency: 'USD',
    })
    expect(applyDelta(cart, { op: 'remove', items: [{ ...tee, quantity: 3 }, mug] })).toBeUndefined()
    expect(applyDelta(cart, { op: 'remove', items: [{ id: 'nope', price: 1, quantity: 1 }] })).toEqual(cart)
  })

  it('moves a source total (with a cart discount) by the lines, rather than recomputing it', () => {
    const cart = { items: [tee, mug], value: 45, currency: 'USD' } // 52.01 before a discount
    expect(applyDelta(cart, { op: 'add', items: [tee] })?.value).toBe(54.99)
  })

  it('prices a removal at the cart line price, and keeps known fields of a line', () => {
    const cart = { items: [{ ...tee, image: '/tee.jpg' }], value: 9.99, currency: 'USD' }
    const next = applyDelta(cart, { op: 'add', items: [{ id: tee.id, price: 12, quantity: 1 }] })
    expect(next).toEqual({
      items: [{ ...tee, image: '/tee.jpg', quantity: 2 }],
      value: 19.98,
      currency: 'USD',
    })
  })

  it('replaces the cart on set, with the source value or the sum of the lines', () => {
    const cart = { items: [tee], value: 9.99, currency: 'USD' }
    expect(applyDelta(cart, { op: 'set', items: [mug], value: 40 })).toEqual({
      items: [mug],
      value: 40,
      currency: 'USD',
    })
    expect(applyDelta(cart, { op: 'set', items: [mug], currency: 'EUR' })).toEqual({
      items: [mug],
      value: 42.02,
      currency: 'EUR',
    })
    expect(applyDelta(cart, { op: 'set', items: [] })).toBeUndefined()
  })
})

describe('toCart', () => {
  it('normalises ids, numbers and quantities, and rounds float drift', () => {
    expect(
      toCart(
        [
          { id: 1, price: '19.99', quantity: '3' },
          { id: 'b', price: 'n/a' },
          { id: null, price: 1 },
          { id: 'c', price: 1, quantity: 0 },
          { id: 'd', price: 1, quantity: -1 },
          null,
        ],
        'EUR',
      ),
    ).toEqual({
      items: [
        { id: '1', price: 19.99, quantity: 3 },
        { id: 'b', price: 0, quantity: 1 },
      ],
      value: 59.97,
      currency: 'EUR',
    })
    expect(toCart('junk', 'EUR')).toBeUndefined()
    expect(toCart([{ id: 'a', price: 1 }], undefined, -5)).toEqual({
      items: [{ id: 'a', price: 1, quantity: 1 }],
      value: 0,
      currency: '',
    })
  })
})
