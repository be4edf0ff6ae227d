import { describe, expect, it } from 'vitest'
import { cartMatches, cartVars } from '../../src/cart'

const cart = {
  items: [
    { id: 'SKU_1', name: 'Organic Cotton Tee', price: 25.2, quantity: 2 },
    { id: 'SKU_2', price: 1183.6, quantity: 1 },
  ],
  value: 1234.0,
  currency: 'EUR',
}
// Intl puts (narrow) no-break spaces in some locales; compare with plain spaces.
const plain = (s: string | undefined) => s?.replace(/\s/g, ' ')

describe('cartVars', () => {
  it('gives the count, the value in the locale, the currency and the item names', () => {
    expect(cartVars(cart, 'en-US')).toEqual({
      'cart.count': '3',
      'cart.value': '€1,234.00',
      'cart.currency': 'EUR',
      'cart.items': 'Organic Cotton Tee, SKU_2',
    })
    expect(plain(cartVars(cart, 'de-DE')['cart.value'])).toBe('1.234,00 €')
    expect(plain(cartVars(cart, 'fr-FR')['cart.value'])).toBe('1 234,00 €')
    expect(cartVars({ ...cart, currency: 'USD', value: 42 }, 'en-GB')['cart.value']).toBe('US$42.00')
  })

  it('survives a bad locale tag, a bad currency code and no cart', () => {
    expect(cartVars(cart, 'not a locale!')['cart.value']).toMatch(/1.?234/)
    expect(cartVars({ ...cart, currency: 'EURO' }, 'en-US')['cart.value']).toBe('1,234')
    expect(cartVars(undefined, 'en-US')).toEqual({
      'cart.count': '0',
      'cart.value': '0',
      'cart.currency': '',
      'cart.items': '',
    })
  })
})

describe('cartMatches', () => {
  it('checks value bounds, units and SKUs', () => {
    expect(cartMatches(cart, {})).toBe(true)
    expect(cartMatches(cart, { minValue: 1234 })).toBe(true)
    expect(cartMatches(cart, { minValue: 1234.01 })).toBe(false)
    expect(cartMatches(cart, { maxValue: 1234 })).toBe(true)
    expect(cartMatches(cart, { maxValue: 1000 })).toBe(false)
    expect(cartMatches(cart, { minItems: 3 })).toBe(true)
    expect(cartMatches(cart, { minItems: 4 })).toBe(false)
    expect(cartMatches(cart, { contains: ['SKU_2', 'SKU_1'] })).toBe(true)
    expect(cartMatches(cart, { contains: ['SKU_1', 'SKU_3'] })).toBe(false)
    expect(cartMatches(cart, { minValue: 20, minItems: 2, contains: ['SKU_1'], maxValue: 5000 })).toBe(true)
  })

  it('treats no cart as an empty one', () => {
    expect(cartMatches(undefined, {})).toBe(true)
    expect(cartMatches(undefined, { maxValue: 50 })).toBe(true)
    expect(cartMatches(undefined, { minValue: 0.01 })).toBe(false)
    expect(cartMatches(undefined, { minItems: 1 })).toBe(false)
    expect(cartMatches(undefined, { contains: ['SKU_1'] })).toBe(false)
  })
})
