import type { Difference } from './types'

const Z = 1.959963984540054

// t(0.975, df) for df = 1…30; above that the Cornish–Fisher expansion around Z is within 0.001.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
]

/** The 97.5% quantile of Student's t with `df` degrees of freedom (df rounded down in the table). */
export function t975(df: number): number {
  if (!Number.isFinite(df)) return Z
  if (df < 31) return T975[Math.max(0, Math.floor(df) - 1)]!
  const z3 = Z ** 3
  const z5 = Z ** 5
  return Z + (z3 + Z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * df * df)
}

const none: Difference = { diff: null, margin95: null, ci95: null }
const make = (diff: number, margin95: number): Difference => ({
  diff,
  margin95,
  ci95: [diff - margin95, diff + margin95],
})

/**
 * p1 − p0 for two proportions (k/n), in percentage points, with the normal-approximation
 * (Wald) 95% interval; null when a group is empty.
 */
export function diffOfRates(k1: number, n1: number, k0: number, n0: number): Difference {
  if (n1 === 0 || n0 === 0) return none
  const p1 = k1 / n1
  const p0 = k0 / n0
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0)
  return make((p1 - p0) * 100, Z * se * 100)
}

/** Sample size, mean and unbiased variance of a list of values. */
export interface Sample {
  n: number
  mean: number
  variance: number
}

export function sample(values: number[]): Sample {
  const n = values.length
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : 0
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0
  return { n, mean, variance }
}

/**
 * mean1 − mean0 with Welch's 95% interval (unequal variances, Welch–Satterthwaite degrees of
 * freedom); null when a group has fewer than two values.
 */
export function welchDiff(a: Sample, b: Sample): Difference {
  if (a.n < 2 || b.n < 2) return none
  const va = a.variance / a.n
  const vb = b.variance / b.n
  const se = Math.sqrt(va + vb)
  const df =
    se === 0 ? Number.POSITIVE_INFINITY : (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1))
  return make(a.mean - b.mean, t975(df) * se)
}
