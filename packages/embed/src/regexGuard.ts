/**
 * Stands in for core's `isUnsafeRegex` inside linger-campaigns.js (scripts/build.mjs swaps it in
 * for matchRules' import): the real guard (~1.3 KB brotli) is its own chunk, linger-regex.js,
 * loaded before the campaigns start only when the config holds a `re:` rule. Until it is set,
 * every regex counts as unsafe, so a rule never runs unguarded: matchRules fails it closed.
 */
let guard: ((src: string) => boolean) | undefined

export const isUnsafeRegex = (src: string): boolean => !guard || guard(src)

/** Hands the loaded guard to matchRules. */
export const useRegexGuard = (real: (src: string) => boolean): void => {
  guard = real
}
