/**
 * A character class as bits: 0–127 for each ASCII character, 128 for "some non-ASCII
 * character". Coarser than the real class, never smaller, so two classes that share no bit
 * share no character.
 */
export type Bits = number[]

const none = (): Bits => [0, 0, 0, 0, 0]
const range = (b: Bits, lo: number, hi = lo): Bits => {
  for (let c = lo; c <= hi && c < 128; c++) b[c >> 5]! |= 1 << (c & 31)
  if (hi > 127) b[4] = 1
  return b
}
const chars = (...pairs: number[]) => {
  const b = none()
  for (let i = 0; i < pairs.length; i += 2) range(b, pairs[i]!, pairs[i + 1])
  return b
}
const not = (b: Bits): Bits => [~b[0]!, ~b[1]!, ~b[2]!, ~b[3]!, 1]
const or = (a: Bits, b: Bits) => a.map((x, i) => x | b[i]!)
export const meet = (a: Bits, b: Bits): Bits => a.map((x, i) => x & b[i]!)
export const overlaps = (a: Bits, b: Bits): boolean => meet(a, b).some(Boolean)

const DIGIT = chars(48, 57)
const WORD = chars(48, 57, 65, 90, 95, 95, 97, 122)
const SPACE = chars(9, 13, 32, 32, 128, 0xffff)
const ESCAPES: Record<string, Bits> = {
  d: DIGIT,
  D: not(DIGIT),
  w: WORD,
  W: not(WORD),
  s: SPACE,
  S: not(SPACE),
}
const ALL = not(none())
const DOT = not(chars(10, 10, 13, 13))

/**
 * A rule's regular expression as a Glushkov automaton: one state per character it reads
 * (state 0 is the start), `next` the states that may read the following character.
 * `done` holds the states where the rule has matched whatever comes next (a trailing `.*`);
 * a rule without a leading `^` gets a self-loop on the start, as the engine retries at every
 * offset.
 */
export interface RegexGraph {
  cls: Bits[]
  next: Set<number>[]
  done: Set<number>
}

/** What part of the pattern can start, end, or (`free`: without an anchor) skip. */
interface Frag {
  first: number[]
  last: number[]
  /** States after which the rest of this part may be skipped without an anchor or `\b`. */
  lastFree: number[]
  nullable: boolean
  free: boolean
}

const EMPTY: Frag = { first: [], last: [], lastFree: [], nullable: true, free: true }
const ANCHOR: Frag = { ...EMPTY, free: false }
const QUANTIFIER = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/

/**
 * Parses the JS regular expression `src` (already known to compile, no flags) into a
 * `RegexGraph`, or `undefined` when it is outside what rules may use: backreferences,
 * lookarounds, a group repeated (anything but `?`), or more than `max` states.
 */
export function regexGraph(src: string, max = 100): RegexGraph | undefined {
  const cls: Bits[] = [ALL]
  const next: Set<number>[] = [new Set()]
  let i = 0
  let anchored = true

  const state = (b: Bits) => {
    if (cls.length > max) throw 0
    next.push(new Set())
    return cls.push(b) - 1
  }
  const link = (from: number[], to: number[]) => {
    for (const p of from) for (const q of to) next[p]!.add(q)
  }
  const seq = (a: Frag, b: Frag): Frag => {
    link(a.last, b.first)
    return {
      first: a.nullable ? [...a.first, ...b.first] : a.first,
      last: b.nullable ? [...a.last, ...b.last] : b.last,
      lastFree: b.free ? [...a.lastFree, ...b.lastFree] : b.lastFree,
      nullable: a.nullable && b.nullable,
      free: a.free && b.free,
    }
  }
  const optional = (f: Frag): Frag => ({ ...f, nullable: true, free: true })
  const atom = (b: Bits): Frag => {
    const p = state(b)
    return { first: [p], last: [p], lastFree: [p], nullable: false, free: false }
  }

  const escaped = (inClass: boolean): Bits | Frag => {
    const c = src[i++]!
    if (/[1-9]/.test(c) || (c === 'k' && src[i] === '<')) throw 0
    // `\c` without a letter, or `\01`, are Annex B oddities that read as several characters.
    if (c === 'c' ? !/[a-z]/i.test(src[i] ?? '') : c === '0' && /\d/.test(src[i] ?? '')) throw 0
    if (!inClass && (c === 'b' || c === 'B')) return ANCHOR
    if (ESCAPES[c]) return ESCAPES[c]!
    const code = /^(?:x[\da-f]{2}|u[\da-f]{4}|c[a-z])/i.exec(src.slice(i - 1))
    if (code) i += code[0].length - 1
    // `\t`, `\x41`, `\cJ`…: which character is not worth the bytes here; any will do (wider
    // is safe). `\.` and other escaped punctuation stand for themselves.
    return /[\da-z]/i.test(c) ? ALL : chars(c.charCodeAt(0))
  }

  const charClass = (): Bits => {
    const negated = src[i] === '^'
    if (negated) i++
    let b = none()
    const member = (): [Bits, number] => {
      const c = src[i++]!
      return c === '\\' ? [escaped(true) as Bits, -1] : [chars(c.charCodeAt(0)), c.charCodeAt(0)]
    }
    // In JS a `]` right after `[` or `[^` closes the class (`[]` matches nothing).
    while (src[i] !== ']') {
      const [item, lo] = member()
      if (src[i] === '-' && src[i + 1] !== ']') {
        i++
        const [, hi] = member()
        // A range with an escape at either end (`[\x00-\x7f]`, `[\d-z]`) is taken as anything.
        b = or(b, lo >= 0 && hi >= 0 ? range(none(), lo, hi) : ALL)
      } else b = or(b, item)
    }
    i++
    // Negating a widened class would narrow it: a class holding a guess stays "anything".
    return b.every((w, k) => w === ALL[k]) ? ALL : negated ? not(b) : b
  }

  /** One atom with its quantifier, as states: `x{2,4}` is `x x (x (x)?)?`, `x+` a self-loop. */
  const item = (): Frag => {
    const c = src[i++]!
    let body: Bits | Frag
    if (c === '(') {
      if (/^\?(?:[=!]|<[=!])/.test(src.slice(i))) throw 0
      if (src[i] === '?') {
        // `(?:` or a named group `(?<name>`; other `(?…` forms (modifiers) are not for rules.
        if (src[i + 1] !== ':' && src[i + 1] !== '<') throw 0
        i = src[i + 1] === ':' ? i + 2 : src.indexOf('>', i) + 1
      }
      body = alternatives(false)
      i++
    } else if (c === '[') body = charClass()
    else if (c === '\\') body = escaped(false)
    else if (c === '^' || c === '$') body = ANCHOR
    else body = c === '.' ? DOT : chars(c.charCodeAt(0))
    const q = QUANTIFIER.exec(src.slice(i))
    if (!q) return Array.isArray(body) ? atom(body) : body
    i += q[0].length
    const min = q[1] ? +(q[1] === '+') : +q[2]!
    const most = q[1] ? (q[1] === '?' ? 1 : Infinity) : q[3] ? (q[4] ? +q[4] : Infinity) : min
    if (!Array.isArray(body)) {
      // A group may be optional, not repeated: `(ab)*` nests a loop in a loop.
      if (most > 1) throw 0
      return min ? body : optional(body)
    }
    const bits = body
    let f = EMPTY
    for (let k = 1; k < min; k++) f = seq(f, atom(bits))
    if (most === Infinity) {
      const loop = atom(bits)
      next[loop.first[0]!]!.add(loop.first[0]!)
      return seq(f, min ? loop : optional(loop))
    }
    if (min) f = seq(f, atom(bits))
    let tail = EMPTY
    for (let k = min; k < most; k++) tail = optional(seq(atom(bits), tail))
    return seq(f, tail)
  }

  const sequence = (top: boolean): Frag => {
    if (top && src[i] !== '^') anchored = false
    let f = EMPTY
    while (i < src.length && src[i] !== '|' && src[i] !== ')') f = seq(f, item())
    return f
  }

  const alternatives = (top: boolean): Frag => {
    let f = sequence(top)
    while (src[i] === '|') {
      i++
      const g = sequence(top)
      f = {
        first: [...f.first, ...g.first],
        last: [...f.last, ...g.last],
        lastFree: [...f.lastFree, ...g.lastFree],
        nullable: f.nullable || g.nullable,
        free: f.free || g.free,
      }
    }
    return f
  }

  try {
    const f = alternatives(true)
    link([0], f.first)
    if (!anchored) next[0]!.add(0)
    // Only states with nothing after them but their own loop: the engine stops there at once
    // (or after one greedy pass). An optional part after a state is explored before the engine
    // settles for skipping it, so it does not count as "matched".
    const done = new Set(f.lastFree.filter((p) => [...next[p]!].every((q) => q === p)))
    if (f.free && !f.first.length) done.add(0)
    return { cls, next, done }
  } catch {
    return undefined
  }
}
