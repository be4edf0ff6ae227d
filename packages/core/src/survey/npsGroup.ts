/** An NPS answer's group: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export type NpsGroup = 'detractor' | 'passive' | 'promoter'

/** The NPS group of a 0–10 score (0–6 detractor, 7–8 passive, 9–10 promoter). */
export function npsGroup(score: number): NpsGroup {
  return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter'
}
