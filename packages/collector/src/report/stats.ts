// Every interval in the report comes from here: one z, one normal-approximation margin, and
// the two-sample forms built on it, so a section cannot drift to its own constant or formula.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054

/** A difference between two groups and the half-width of its 95% interval. */
export interface Difference {
  diff: number | null
  margin95: number | null
  ci95: [number, number] | null
}

/** Sample size, mean and unbiased variance of a list of values. */
export interface Sample {
  n: number
  mean: number
  variance: number
}

/** `part / whole × 100`, or null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null
}

/** Half-width of a normal 95% interval for an estimate with standard error `se`. */
export function normalMargin95(se: number): number {
  return Z95 * se
}

/** Wilson score interval for k successes in n trials, in percent; null when n = 0. */
export function wilson95(k: number, n: number): [number, number] | null {
  if (n <= 0) return null
  const p = k / n
  const z2 = Z95 * Z95
  const denom = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denom
  const half = normalMargin95(Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom
  return [Math.max(0, center - half) * 100, Math.min(1, center + half) * 100]
}

/**
 * Half-width of the normal 95% interval of a mean, in percent, from the sum of the values and
 * the sum of their squares (population variance / n, as for a proportion's Wald interval).
 */
export function margin95(n: number, sum: number, sumSquares: number): number | null {
  if (n <= 0) return null
  const mean = sum / n
  const variance = Math.max(0, sumSquares / n - mean * mean)
  return normalMargin95(Math.sqrt(variance / n)) * 100
}

// t(0.975, df) for df = 1…30; above that the Cornish–Fisher expansion around Z95 is within 0.001.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
]

/** The 97.5% quantile of Student's t with `df` degrees of freedom (df rounded down in the table). */
export function t975(df: number): number {
  if (!Number.isFinite(df)) return Z95
  if (df < 31) return T975[Math.max(0, Math.floor(df) - 1)]!
  const z3 = Z95 ** 3
  const z5 = Z95 ** 5
  return Z95 + (z3 + Z95) / (4 * df) + (5 * z5 + 16 * z3 + 3 * Z95) / (96 * df * df)
}

const none: Difference = { diff: null, margin95: null, ci95: null }
const difference = (diff: number, margin: number): Difference => ({
  diff,
  margin95: margin,
  ci95: [diff - margin, diff + margin],
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
  return difference((p1 - p0) * 100, normalMargin95(se) * 100)
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
  return difference(a.mean - b.mean, t975(df) * se)
}
