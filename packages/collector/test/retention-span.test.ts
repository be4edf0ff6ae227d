// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { activity } from '../src/report/retention/activity'
import type { Order } from '../src/report/retention/types'

const day = 86_400_000
const order = (customer: string, d: number): Order => ({
  customer,
  ts: d * day,
  month: '',
  value: 10,
  currency: 'EUR',
})

describe('CRR over a span longer than activeDays', () => {
  // activeDays 90; the span is days 100…400 (300 days).
  const span = {
    label: 'long',
    start: 100 * day,
    end: 400 * day,
    startLookback: 10 * day,
    endLookback: 310 * day,
  }

  it('counts in N only the new customers still active at the end, so CRR stays a share of S', () => {
    const customers = new Map<string, Order[]>([
      ['a', [order('a', 50), order('a', 350)]], // active at start (day 50) and at end (350): retained
      ['b', [order('b', 60)]], // active at start, not at end: lost
      ['c', [order('c', 150)]], // new (day 150), lapsed again before the end
      ['d', [order('d', 200), order('d', 390)]], // new and still active at the end
    ])
    const r = activity(customers, span)
    // S = {a, b} = 2, E = {a, d} = 2, N = {c, d} = 2 (of whom d is still active), lost = {b} = 1.
    expect(r).toMatchObject({ customersStart: 2, customersEnd: 2, customersNew: 2, lost: 1 })
    // (E − new still active) / S = (2 − 1) / 2 = 50 %; the literal (E − N) / S would say 0 %,
    // and with more lapsed new customers it goes negative.
    expect(r.crr).toBe(50)
    expect(r.churn).toBe(50)
  })
})
