/**
 * Regular expressions a URL rule must not use, by the shape that makes a backtracking engine
 * slow. `attack` marks those recheck (an automata-based ReDoS analyser) finds super-linear as
 * written; the others are refused for their shape (the guard is conservative) or because rules
 * may not use the feature at all. Also run through validateConfig, the CLI, the playground and
 * the shipped linger.js as config corpus entries (corpus.ts).
 */
export const redos: { src: string; shape: string; attack: boolean }[] = [
  // nested quantifiers: exponential
  { src: '^(a+)+$', shape: 'nested quantifiers', attack: true },
  { src: '(a*)*b', shape: 'nested quantifiers', attack: true },
  { src: '^((ab)*)+c$', shape: 'nested quantifiers', attack: true },
  { src: '(?:x+)+y', shape: 'nested quantifiers', attack: true },
  { src: '(?<n>a+)+$', shape: 'nested quantifiers', attack: true },
  { src: '^(\\w+\\s?)+$', shape: 'nested quantifiers', attack: true },
  { src: '(\\w+\\s?)+', shape: 'nested quantifiers', attack: false },
  { src: '^([a-z]+)*$', shape: 'nested quantifiers', attack: true },
  { src: '(.*){10}x', shape: 'nested quantifiers', attack: true },
  { src: '^(([a-z])+.)+[A-Z]([a-z])+$', shape: 'nested quantifiers', attack: true },
  // alternation under a quantifier
  { src: '^(a|a)*$', shape: 'overlapping alternation', attack: true },
  { src: '(a|a)*', shape: 'overlapping alternation', attack: false },
  { src: '^(a|aa)+$', shape: 'overlapping alternation', attack: true },
  { src: '^(a|ab)*$', shape: 'alternation under a quantifier', attack: false },
  { src: '^(\\d|\\d\\d)+x', shape: 'overlapping alternation', attack: true },
  { src: '^(.|\\s)*x', shape: 'overlapping alternation', attack: true },
  // adjacent quantifiers over overlapping classes: polynomial
  { src: '^/page/[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+$', shape: 'adjacent quantifiers', attack: true },
  { src: '^\\d+\\d+$', shape: 'adjacent quantifiers', attack: true },
  { src: '\\d+\\d+', shape: 'adjacent quantifiers', attack: false },
  { src: '^\\w*\\d+$', shape: 'overlapping classes', attack: true },
  { src: '^[a-z0-9]+[0-9]+x$', shape: 'overlapping classes', attack: true },
  { src: '^.*a.*b$', shape: 'stacked wildcards', attack: true },
  { src: '.*a.*b.*c.*d', shape: 'stacked wildcards', attack: true },
  { src: '^.+/.+/.+/.+$', shape: 'stacked wildcards', attack: true },
  { src: '^/shop/.*/item/.*/reviews/.*$', shape: 'stacked wildcards', attack: true },
  { src: '^\\s*x*\\s*$', shape: 'quantifiers apart, same run', attack: true },
  // unanchored: the engine retries at every offset
  { src: '\\d+x', shape: 'retried at every offset', attack: true },
  { src: '[a-z]+(\\.html)?$', shape: 'retried at every offset', attack: true },
  { src: 'a+b*c{2,}', shape: 'retried at every offset', attack: true },
  { src: '[^/]+\\.php', shape: 'retried at every offset', attack: true },
  // features rules may not use
  { src: '^(a)\\1+$', shape: 'backreference', attack: false },
  { src: '(?<w>\\w)\\k<w>', shape: 'backreference', attack: false },
  { src: '^(?=.*a)(?=.*b)', shape: 'lookahead', attack: false },
  { src: '(?<!x)y', shape: 'lookbehind', attack: false },
  { src: '^\\d{1,300}$', shape: 'too many states', attack: false },
]
