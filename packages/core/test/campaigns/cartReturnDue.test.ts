import { describe, expect, it } from 'vitest'
import { cartReturnDue } from '../../src/campaigns/cartReturnDue'
import type { Trigger } from '../../src/types'

const H = 3600_000
const now = Date.parse('2026-03-02T12:00:00Z')
const t: Trigger = { type: 'cart-abandon', on: ['return'], returnAfterMinutes: 120 }

describe('cartReturnDue', () => {
  it('fires on a later visit once returnAfterMinutes have passed since the cart changed', () => {
    expect(cartReturnDue(t, now - 2 * H, now - 1000, now, true)).toBe(true)
    expect(cartReturnDue(t, now - 2 * H + 1, now - 1000, now, true)).toBe(false)
  })
  it('not in the session in which the cart changed, not for an empty cart, not without a change', () => {
    expect(cartReturnDue(t, now - 3 * H, now - 4 * H, now, true)).toBe(false)
    expect(cartReturnDue(t, now - 3 * H, now - 1000, now, false)).toBe(false)
    expect(cartReturnDue(t, undefined, now - 1000, now, true)).toBe(false)
  })
  it('defaults: all three signals, 60 minutes', () => {
    const d: Trigger = { type: 'cart-abandon' }
    expect(cartReturnDue(d, now - H, now - 1000, now, true)).toBe(true)
    expect(cartReturnDue(d, now - H + 1, now - 1000, now, true)).toBe(false)
    expect(cartReturnDue({ type: 'cart-abandon', on: ['idle'] }, now - 5 * H, now - 1000, now, true)).toBe(
      false,
    )
    expect(cartReturnDue({ type: 'pageview' }, now - 5 * H, now - 1000, now, true)).toBe(false)
  })
})
