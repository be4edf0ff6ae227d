import { meet, overlaps, regexGraph } from './regexGraph'

/**
 * True when a URL rule's regular expression could make the browser's backtracking engine
 * take more than linear time, so a crafted URL could freeze the page. Conservative: it
 * refuses what it cannot prove safe, in three steps (README, "URL rules"):
 *
 * 1. outside the rule grammar: backreferences, lookarounds, a repeated group (`(a+)+`,
 *    `(a|ab)*`), over 100 states;
 * 2. a choice the next character does not decide: alternatives or an optional part that can
 *    start with the same character (`(a|ab)`, `a?a`) — except staying in a loop or leaving
 *    it (`.*x`), which step 3 judges;
 * 3. two repetitions that can read the same run of characters, one after the other
 *    (`\d+\d+`, `.*a.*`); without `^` the engine's retry at every offset counts as one
 *    (`\d+x` is quadratic on a long run of digits).
 *
 * Together these leave an automaton with a bounded number of paths for any input (no
 * "infinite degree of ambiguity"), which a backtracking engine explores in linear time.
 * Parts after which the rule has already matched (a trailing `.*`) are ignored: the engine
 * stops there.
 */
export const isUnsafeRegex = (src: string): boolean => {
  const g = regexGraph(src)
  if (!g) return true
  const { cls, next, done } = g
  const live = (p: number) => !done.has(p)
  // Entering loop `a` or skipping it to `b` (`x*y`) is the loop's own stay-or-leave choice,
  // which step 3 judges.
  const skips = (a: number, b: number) => next[a]!.has(a) && next[a]!.has(b)
  if (!live(0)) return false
  const loops: number[] = []
  for (let p = 0; p < cls.length; p++) {
    if (!live(p)) continue
    const choices = [...next[p]!].filter((q) => q !== p)
    for (const a of choices)
      for (const b of choices)
        if (a < b && overlaps(cls[a]!, cls[b]!) && !skips(a, b) && !skips(b, a)) return true
    if (next[p]!.has(p)) loops.push(p)
  }
  // Loops p and q share a run when some word can be read by p's loop, by q's loop, and on a
  // path from p to q: every state on that path must accept a character both loops accept.
  for (const p of loops)
    for (const q of loops) {
      const shared = meet(cls[p]!, cls[q]!)
      if (p === q || !shared.some(Boolean)) continue
      const seen = new Set([p])
      const todo = [p]
      while (todo.length) {
        for (const r of next[todo.pop()!]!) {
          if (r === q) return true
          if (seen.has(r) || !live(r) || !overlaps(cls[r]!, shared)) continue
          seen.add(r)
          todo.push(r)
        }
      }
    }
  return false
}
