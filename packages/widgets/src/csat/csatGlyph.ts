// One code point per face, worst to best, per scale (Unicode 6 faces: widest font support).
const faces: Record<number, string> = { 3: '😕😐😊', 5: '😞😕😐😊😄', 7: '😫😞😕😐😊😃😄' }

/** How a CSAT scale of `max` points draws point `n` in `style` when `score` is chosen. */
export function csatGlyph(style: string, max: number): (n: number, score: number | null) => string {
  const face = [...(faces[max] || '')]
  return (n, score) =>
    style === 'stars'
      ? n <= (score ?? 0)
        ? '★'
        : '☆'
      : style === 'faces'
        ? face[n - 1] || String(n)
        : String(n)
}
