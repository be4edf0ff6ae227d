import { isUnsafeRegex } from '../config/isUnsafeRegex'
import type { MatchRules } from '../types'
import { no } from './decision'
import type { Check } from './types'

// Patterns are compiled once per string; `null` marks an invalid or unsafe `re:` pattern.
const compiled = new Map<string, ((s: string) => boolean) | null>()

function compile(pattern: string): ((s: string) => boolean) | null {
  let test = compiled.get(pattern)
  if (test === undefined) {
    if (pattern.startsWith('re:')) {
      try {
        // The same guard as the validator's, here too, so a config that skipped validation
        // still cannot hand the page a rule that backtracks for seconds on a crafted URL.
        const src = pattern.slice(3)
        const re = new RegExp(src)
        test = isUnsafeRegex(src) ? null : (s) => re.test(s)
      } catch {
        test = null
      }
    } else if (pattern.endsWith('*')) {
      const prefix = pattern.slice(0, -1)
      test = (s) => s.startsWith(prefix)
    } else test = (s) => s === pattern
    compiled.set(pattern, test)
  }
  return test
}

/**
 * Include/exclude rules against a value seen in several forms (e.g. a full URL and its path):
 * exact, trailing-`*` prefix, or `re:` regex. An invalid or unsafe regex fails the rule closed.
 */
export function matchRules(field: string, rules: MatchRules | undefined, forms: string[]): Check {
  if (!rules) return
  const { include = [], exclude = [] } = rules
  const bad = [...exclude, ...include].find((p) => !compile(p))
  if (bad !== undefined) return no('bad-regex', { field, pattern: bad })
  const hit = (list: string[]) => list.some((p) => forms.some(compile(p)!))
  if (hit(exclude)) return no(`${field}-excluded`)
  if (include.length && !hit(include)) return no(`${field}-not-included`)
}
