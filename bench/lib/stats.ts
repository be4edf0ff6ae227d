/** Value at quantile q (0–1) of xs, nearest rank. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!
}

export const median = (xs: number[]) => quantile(xs, 0.5)

/** Median with its interquartile range: the spread the tables print. */
export interface Summary {
  median: number
  p25: number
  p75: number
  n: number
}

export const summarize = (xs: number[]): Summary => ({
  median: median(xs),
  p25: quantile(xs, 0.25),
  p75: quantile(xs, 0.75),
  n: xs.length,
})
