import type { ConfigIssue } from '../types'
import { FORMAT_EXPECTS, formatIssue } from './formatIssue'
import type { SchemaNode } from './schema'

type Bag = Record<string, unknown>

// Keys that reach Object.prototype when a consumer later copies or merges the config.
const FORBIDDEN = ['__proto__', 'constructor', 'prototype']

export const isObj = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v)

const at = (path: string, k: string) => (path ? `${path}.${k}` : k)

/** Short rendering of the offending value for messages. */
const show = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
    : Array.isArray(v)
      ? 'an array'
      : v && typeof v === 'object'
        ? 'an object'
        : v === undefined
          ? 'nothing'
          : String(v)

const list = (vs: readonly unknown[]) => vs.map((v) => JSON.stringify(v)).join(', ')
const size = (min: number | undefined, max: number, unit: string) =>
  `${min ? `${min}–` : 'at most '}${max} ${unit}`

/** What a node accepts, in words, built from its constraints. */
export const expected = (n: SchemaNode): string => {
  switch (n.type) {
    case 'str':
      return `a string${n.pattern ? ` matching ${n.pattern}` : ''}`
    case 'num':
      return (
        (n.int ? 'an integer' : 'a number') +
        [n.min != null && ` ≥ ${n.min}`, n.gt != null && ` > ${n.gt}`, n.max != null && ` ≤ ${n.max}`]
          .filter(Boolean)
          .join(' and')
      )
    case 'bool':
      return 'true or false'
    case 'lit':
      return (n.values.length > 1 ? 'one of ' : '') + list(n.values)
    case 'arr':
      return 'an array'
    case 'union':
      return n.of.map(expected).join(' or ')
    default:
      return 'an object'
  }
}

/**
 * Validates `v` against `n`, pushing `{ path, code, message }` issues. Returns a fresh copy
 * built from own properties only (never the input's objects or prototype), or `undefined`
 * when invalid.
 */
export function check(n: SchemaNode, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  const fail = (code: string, what = expected(n), got = show(v), p = path): undefined => {
    issues.push({ path: p, code, message: `expected ${what}, got ${got}` })
  }
  const count = issues.length
  switch (n.type) {
    case 'str': {
      if (typeof v !== 'string') return fail('type')
      if (v.length < (n.min ?? 0) || v.length > n.max)
        return fail('length', `a string of ${size(n.min, n.max, 'characters')}`, `${v.length}`)
      if (n.pattern && !n.pattern.test(v)) return fail('pattern')
      const code = n.format && formatIssue(n.format, v)
      return code ? fail(code, FORMAT_EXPECTS[code]) : v
    }
    case 'num':
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail('type')
      if (n.int && !Number.isInteger(v)) return fail('int')
      return v < (n.min ?? -Infinity) || v > (n.max ?? Infinity) || v <= (n.gt ?? -Infinity)
        ? fail('range')
        : v
    case 'bool':
      return typeof v === 'boolean' ? v : fail('type')
    case 'lit':
      return n.values.includes(v as string) ? v : fail('enum')
    case 'arr': {
      if (!Array.isArray(v)) return fail('type')
      if (v.length < (n.min ?? 0) || v.length > n.max)
        return fail('length', `an array of ${size(n.min, n.max, 'items')}`, `${v.length}`)
      const out: unknown[] = []
      const seen = new Set<unknown>()
      for (let i = 0; i < v.length; i++) {
        const p = `${path}[${i}]`
        let r = check(n.item, v[i], p, issues)
        if (n.unique && r !== undefined) {
          const key = (r as Bag)[n.unique]
          if (seen.has(key)) r = fail('duplicate', `a unique ${n.unique}`, show(key), at(p, n.unique))
          seen.add(key)
        }
        out.push(r)
      }
      // A lenient array keeps holes where items failed, so callers can still map to input indices.
      return n.lenient || issues.length === count ? out : undefined
    }
    case 'obj':
    case 'record': {
      if (!isObj(v)) return fail('type')
      const out: Bag = {}
      const keys = Object.keys(v)
      if (n.type === 'record' && (keys.length < 1 || keys.length > n.max))
        return fail('length', `an object of ${size(1, n.max, 'keys')}`, `${keys.length}`)
      for (const k of keys) {
        const p = at(path, k)
        if (FORBIDDEN.includes(k))
          fail('proto', 'a key other than __proto__, constructor, prototype', show(k), p)
        else if (n.type === 'record') {
          if (n.key && !n.key.test(k)) fail('pattern', `a key matching ${n.key}`, show(k), p)
          else out[k] = check(n.value, v[k], p, issues)
        } else if (!Object.hasOwn(n.props, k))
          fail('unknown', `one of ${Object.keys(n.props).join(', ')}`, show(k), p)
      }
      if (n.type === 'record') return issues.length === count ? out : undefined
      let fatal = false
      for (const k in n.props) {
        const req = n.required.includes(k)
        // An own key holding undefined counts as absent, as it would after JSON.stringify.
        if (Object.hasOwn(v, k) && v[k] !== undefined) {
          const r = check(n.props[k]!, v[k], at(path, k), issues)
          if (r !== undefined) out[k] = r
          else fatal ||= req
        } else if (req) {
          fail('required', expected(n.props[k]!), 'nothing', at(path, k))
          fatal = true
        }
      }
      // A lenient object survives unknown keys and broken optional properties (left out above).
      return (n.lenient ? fatal : issues.length > count) ? undefined : out
    }
    case 'union': {
      let best: ConfigIssue[] | undefined
      for (const alt of n.of) {
        const mine: ConfigIssue[] = []
        const r = check(alt, v, path, mine)
        if (r !== undefined) return r
        // An alternative that got past its type test explains the failure best.
        if (mine.some((i) => i.path !== path || i.code !== 'type')) best = mine
      }
      if (!best) return fail('type')
      issues.push(...best)
      return undefined
    }
    case 'tagged': {
      if (!isObj(v)) return fail('type')
      const t = Object.hasOwn(v, n.tag) ? v[n.tag] : undefined
      if (typeof t === 'string' && Object.hasOwn(n.of, t)) return check(n.of[t]!, v, path, issues)
      return fail(
        t === undefined ? 'required' : 'enum',
        `one of ${list(Object.keys(n.of))}`,
        show(t),
        at(path, n.tag),
      )
    }
  }
}
