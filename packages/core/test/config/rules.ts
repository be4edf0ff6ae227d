// URL rules for isUnsafeRegex.test.ts and bench/regex.ts: ones people write, random ones, and
// URLs built to make a rule backtrack.

/** Rules people write, all linear: the guard must let them through. */
export const accepted = [
  '/checkout',
  '\\.html$',
  '^/p/\\d+$',
  '^/products/\\d+',
  '/products/\\d+x',
  '(foo|bar)\\.com',
  '^/(en|de)/products/.*$',
  '^/products/[^/]+/reviews$',
  '^https?://(www\\.)?example\\.com/',
  '\\.jpe?g$',
  'utm_source=(google|bing)',
  '^/blog/.*-sale$',
  '^/shop/[^/]*/item/[^/]*/reviews',
  '^.*/\\d+x',
  '^/order/[0-9a-f]{8}-[0-9a-f]{4}$',
  '/blog/.*',
  '(ab)?c',
  '\\(a+\\)+',
  '[(a+)]+',
  '^\\.*x\\.*$',
  '^[ab]+$',
  '(?<lang>en|de)/cart',
  '^/(?:sale|outlet)/',
]

/** Small random rules from URL-ish pieces, the same every run. */
export function generated(count: number): string[] {
  // mulberry32
  let seed = 7
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (((t ^ (t >>> 14)) >>> 0) % n) as number
  }
  const atoms = [
    'a',
    'b',
    '/',
    '-',
    '\\d',
    '[a-z]',
    '[^/]',
    '.',
    '\\w',
    '[a-c]',
    '\\.',
    '[\\x61-\\x63]',
    '\\s',
    '[0-9a-f]',
  ]
  const quants = ['', '', '', '*', '+', '?', '{1,3}', '{2}']
  const piece = (depth: number): string => {
    if (depth < 2 && rnd(6) === 0) {
      const alts = Array.from({ length: 1 + rnd(2) }, () => seq(depth + 1, 1 + rnd(3)))
      return `(${alts.join('|')})${['', '?'][rnd(2)]}`
    }
    return atoms[rnd(atoms.length)]! + quants[rnd(quants.length)]!
  }
  const seq = (depth: number, n: number) => Array.from({ length: n }, () => piece(depth)).join('')
  const out = new Set<string>()
  while (out.size < count) out.add(`${['', '^'][rnd(2)]}${seq(0, 1 + rnd(5))}${['', '$'][rnd(2)]}`)
  return [...out]
}

/** URLs built to make `src` backtrack: long runs of each character it names, and mixes. */
export function hostileUrls(src: string): string[] {
  const chars = [...new Set(`${src.replace(/\\[dw]/g, '0a_').replace(/[\\^$()[\]{}*+?|]/g, '')}a0/.-x`)]
  const runs = chars.map((c) => `https://shop.example/${c.repeat(1978)}!`)
  const mixed = `https://shop.example/${chars
    .join('')
    .repeat(Math.ceil(1978 / chars.length))
    .slice(0, 1978)}!`
  return [...runs, mixed]
}
