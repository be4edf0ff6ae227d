/**
 * True when a regular expression source has a quantified group that itself holds a
 * quantifier or an alternation — `(a+)+`, `(a*)*`, `(a|a)*`, `(.*){9}` — the shapes that
 * backtrack exponentially — or more than three `.*`/`.+`. Deliberately conservative: such
 * rules are rejected, not analysed.
 */
export const isUnsafeRegex = (src: string): boolean => {
  // Escapes and character classes cannot nest; flatten them, and `(?:`, `(?=`, `(?<name>` to `(`.
  let s = src
    .replace(/\\./g, '_')
    .replace(/\[[^\]]*]/g, '_')
    .replace(/\(\?(<?[=!]|:|<[^>]*>)/g, '(')
  let bad = false
  let last = ''
  // Innermost groups first: each becomes `_+` when it holds or is a repetition, so the
  // group around it sees a nested quantifier.
  while (s !== last) {
    last = s
    s = s.replace(/\(([^()]*)\)([*+{]?)/g, (_, body: string, q: string) => {
      const inner = /[*+?{|]/.test(body)
      if (q && inner) bad = true
      return q || inner ? '_+' : '_'
    })
  }
  // Stacked wildcards (`.*.*.*.*`) backtrack polynomially: n⁴ steps on a long URL is a hang too.
  return bad || (s.match(/\.[*+{]/g)?.length ?? 0) > 3
}
