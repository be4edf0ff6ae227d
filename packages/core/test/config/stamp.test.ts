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
      expect(config!.$stamp).toMatch(/^2-[0-9a-z]+-[0-9a-z]+$/)
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
        c.$stamp = `9-${c.$stamp!.slice(2)}` // another validator revision
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

  it('a stamp from the first revision (a per-character hash) no longer passes: the page validates', () => {
    // What `linger validate --write` wrote for this config before revision 2.
    expect(isStamped({ version: 1, site: 's', campaigns: [], $stamp: '1-20cl73m2h4h' })).toBe(false)
  })

  it('sees a one-character edit at every place in the text, and in texts of every length mod 4', () => {
    // The hash reads the text's UTF-8 bytes four at a time: an edit in the last, partly filled
    // word, or one that only changes the length, must still change it.
    for (const site of ['a', 'ab', 'abc', 'abcd', 'abcde', 'caf\u00e9', '\u{1F600}x']) {
      const seen = new Set([configHash({ site })])
      for (let i = 0; i < site.length; i++)
        for (const c of ['z', '\u00e8', ' '])
          seen.add(configHash({ site: site.slice(0, i) + c + site.slice(i + 1) }))
      seen.add(configHash({ site: `${site} ` }))
      seen.add(configHash({ site: site.slice(0, -1) }))
      // Every edit gave its own hash (an edit that gives the same text back counts once).
      const texts = new Set([site, `${site} `, site.slice(0, -1)])
      for (let i = 0; i < site.length; i++)
        for (const c of ['z', '\u00e8', ' ']) texts.add(site.slice(0, i) + c + site.slice(i + 1))
      expect(seen.size).toBe(texts.size)
    }
  })
})
