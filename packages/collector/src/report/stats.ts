/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054

/** `part / whole × 100`, or null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null
}

/** Wilson score interval for k successes in n trials, in percent; null when n = 0. */
export function wilson95(k: number, n: number): [number, number] | null {
  if (n <= 0) return null
  const p = k / n
  const z2 = Z95 * Z95
  const denom = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denom
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom
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
  return Z95 * Math.sqrt(variance / n) * 100
}
