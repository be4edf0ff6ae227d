import type { Question } from '../types'

/** `next` value that ends a survey. */
export const END = 'end'

/**
 * The index of the question to ask after `questions[i]`, or -1 for the end (the thank-you
 * screen). `keys` name the answer, most specific first (an NPS 3 is `["3", "detractor"]`, a
 * choice its id): the first one `next` maps decides; without a match, or without `next`, the
 * flow goes on to the following question. A target that names no question ends the flow (the
 * validator refuses such configs; this keeps an unvalidated one from looping or throwing).
 */
export function nextQuestion(
  questions: readonly Question[],
  i: number,
  keys: readonly string[] = [],
): number {
  const next = questions[i]?.next
  let to = typeof next === 'string' ? next : undefined
  if (next && typeof next === 'object')
    for (const k of keys) to ??= Object.hasOwn(next, k) ? next[k] : undefined
  if (to === undefined) return i + 1 < questions.length ? i + 1 : -1
  const at = questions.findIndex((q) => q.id === to)
  // Only forward: a jump back would let a hand-built config loop forever.
  return at > i ? at : -1
}
