import { describe, expect, it } from 'vitest'
import { diffOfRates, sample, t975, welchDiff } from '../src/report/stats'

describe('report stats: 95% intervals', () => {
  it('uses the normal approximation for two rates', () => {
    // 30/100 vs 20/100: diff 10 pp; SE = √(0.3·0.7/100 + 0.2·0.8/100) = √0.0037 = 0.060828;
    // margin = 1.959964 × 6.0828 = 11.922 pp.
    const d = diffOfRates(30, 100, 20, 100)
    expect(d.diff).toBeCloseTo(10, 10)
    expect(d.margin95).toBeCloseTo(11.922, 3)
    expect(d.ci95![0]).toBeCloseTo(-1.922, 3)
    expect(diffOfRates(1, 0, 1, 5)).toEqual({ diff: null, margin95: null, ci95: null })
  })

  it("uses Welch's t interval for two means", () => {
    // [1, 2, 3] mean 2, s² 1; [2, 4, 6, 8] mean 5, s² 20/3.
    // SE² = 1/3 + (20/3)/4 = 0.3333 + 1.6667 = 2; df = 4 / (0.3333²/2 + 1.6667²/3) = 4 / 0.98148 = 4.075 → t = 2.776.
    const d = welchDiff(sample([1, 2, 3]), sample([2, 4, 6, 8]))
    expect(d.diff).toBe(-3)
    expect(d.margin95).toBeCloseTo(2.776 * Math.SQRT2, 6)
    expect(welchDiff(sample([1]), sample([1, 2]))).toEqual({ diff: null, margin95: null, ci95: null })
    // No spread at all: the interval collapses to the difference.
    expect(welchDiff(sample([4, 4]), sample([1, 1])).margin95).toBe(0)
  })

  it('approximates t(0.975) for large df and tends to 1.96', () => {
    expect(t975(40)).toBeCloseTo(2.021, 3)
    expect(t975(120)).toBeCloseTo(1.98, 3)
    expect(t975(Number.POSITIVE_INFINITY)).toBeCloseTo(1.96, 3)
  })
})
