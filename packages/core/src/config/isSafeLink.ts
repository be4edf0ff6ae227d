/**
 * True when `s` is a link we allow: a relative URL, or one whose scheme matches `schemes`
 * (default http(s):, mailto:, tel:). Browsers drop ASCII whitespace and control characters
 * inside a scheme (`java\tscript:` runs), so we drop them before looking; HTML entities and
 * anything else before the first `:` that is not an allowed scheme are refused.
 */
export const isSafeLink = (s: string, schemes = /^(https?|mailto|tel)$/i): boolean => {
  const t = s.replace(/[^!-~\u00a0-\uffff]/g, '')
  const scheme = /^([^/?#]*):/.exec(t)
  return !/&(#|colon)/i.test(t) && (!scheme || schemes.test(scheme[1]!))
}
