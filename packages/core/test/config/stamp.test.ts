import { describe, expect, it } from 'vitest'
import { configHash, isStamped, stampConfig, validateConfig } from '../../src/config'
import { corpus } from './corpus'
import { contractExample, everyField } from './examples'

/** A JSON round trip: what the page gets from `fetch().json()`. */
const parsed = <T>(v: T): T => JSON.parse(JSON.stringify(v))

describe('stampConfig / isStamped (issue 23: the validator off the page path)', () => {
  it('stamps the validator output of a config without problems; the page trusts that file as it is', () => {
    for (const input of [contractExample, everyField, { version: 1, site: 's', campaigns: [] }]) {
      const { config, issues } = stampConfig(input)
      expect(issues).toEqual([])
      expect(config!.$stamp).toMatch(/^1-[0-9a-z]+$/)
      const file = parsed(config)
      expect(isStamped(file)).toBe(true)
      // What the page skips is exactly what the validator would have returned.
      expect(validateConfig(file)).toEqual({ config: file, issues: [] })
    }
  })

  it('refuses to stamp a config with any problem', () => {
    const broken = { ...contractExample, theme: { color: 'red;}body{display:none' } }
    const { config, issues } = stampConfig(broken)
    expect(config).toBeUndefined()
    expect(issues.map((i) => i.path)).toEqual(['theme.color'])
  })

  it('an edit after stamping, anywhere, sends the page back to the validator', () => {
    const file = parsed(stampConfig(contractExample).config!)
    const edits: ((c: typeof file) => void)[] = [
      (c) => {
        c.site = 'other'
      },
      (c) => {
        c.campaigns.pop()
      },
      (c) => {
        ;(c.campaigns[0] as { content: { cta: { href: string } } }).content.cta.href = 'javascript:alert(1)'
      },
      (c) => {
        ;(c as Record<string, unknown>).extra = 1
      },
      (c) => {
        c.$stamp = `2-${c.$stamp!.slice(2)}` // another validator revision
      },
      (c) => {
        delete c.$stamp
      },
    ]
    for (const edit of edits) {
      const copy = parsed(file)
      edit(copy)
      expect(isStamped(copy)).toBe(false)
    }
  })

  it('never throws: not an object, a throwing getter, a cycle', () => {
    const cyclic: Record<string, unknown> = { $stamp: '1-x' }
    cyclic.self = cyclic
    const throwing = {
      $stamp: '1-x',
      get site() {
        throw new Error('no')
      },
    }
    for (const input of [undefined, null, 5, 'x', [], cyclic, throwing]) expect(isStamped(input)).toBe(false)
  })

  it('the hostile-config corpus: no entry passes as stamped, and none can be stamped', () => {
    for (const { input } of corpus) {
      expect(isStamped(input)).toBe(false)
      expect(stampConfig(input).config).toBeUndefined()
    }
  })

  it('the hash ignores only the stamp itself', () => {
    const a = { version: 1, site: 's', campaigns: [] }
    expect(configHash(a)).toBe(configHash({ ...a, $stamp: 'anything' }))
    expect(configHash(a)).not.toBe(configHash({ ...a, site: 't' }))
  })
})
