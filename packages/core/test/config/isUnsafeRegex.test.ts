// @vitest-environment node
import { check } from 'recheck'
import { describe, expect, it } from 'vitest'
import { isUnsafeRegex } from '../../src/config/isUnsafeRegex'
import { redos } from './redos'
import { accepted, generated, hostileUrls } from './rules'

describe('isUnsafeRegex', () => {
  it.each(redos)('refuses $src ($shape)', ({ src }) => expect(isUnsafeRegex(src)).toBe(true))

  it.each(accepted)('accepts %s', (src) => expect(isUnsafeRegex(src)).toBe(false))

  it('every compiled rule it accepts matches a hostile 2,000-character URL without backtracking blow-up', () => {
    // A generous bound: the bench (bench/regex.ts) measures the real figure. What fails here is
    // a catastrophic rule, which takes seconds at this length.
    for (const src of [...accepted, ...generated(600).filter((r) => !isUnsafeRegex(r))]) {
      const re = new RegExp(src)
      for (const url of hostileUrls(src)) {
        // The fastest of three runs: a pause of the loaded machine adds time, a blow-up is in all.
        const runs = [0, 1, 2].map(() => {
          const t = performance.now()
          re.test(url)
          return performance.now() - t
        })
        expect(Math.min(...runs), `${src} on ${url.slice(0, 40)}…`).toBeLessThan(50)
      }
    }
  })
})

describe('isUnsafeRegex against recheck (an automata-based ReDoS analyser)', () => {
  it('recheck finds every corpus entry marked as an attack super-linear', { timeout: 60_000 }, async () => {
    for (const { src, attack } of redos) {
      const d = await check(src, '')
      expect(d.status === 'vulnerable', `${src}: recheck says ${d.status}`).toBe(attack)
    }
  })

  it('recheck finds every accepted rule, and every generated rule the guard accepts, linear', {
    timeout: 120_000,
  }, async () => {
    const rules = [...accepted, ...generated(600).filter((src) => !isUnsafeRegex(src))]
    expect(rules.length).toBeGreaterThan(100)
    const vulnerable: string[] = []
    for (const src of rules) {
      const d = await check(src, '')
      if (d.status !== 'safe') vulnerable.push(`${src} (${d.status})`)
    }
    expect(vulnerable).toEqual([])
  })

  it('the generated rules hold both kinds, so the comparison means something', () => {
    const all = generated(600)
    const refused = all.filter(isUnsafeRegex).length
    expect(refused).toBeGreaterThan(50)
    expect(all.length - refused).toBeGreaterThan(80)
  })
})
