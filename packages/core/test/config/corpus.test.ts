import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config'
import { corpus } from './corpus'

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()

describe('hostile and malformed configs', () => {
  const before = protoKeys()

  it('has at least 100 entries with unique names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100)
    expect(new Set(corpus.map((e) => e.name)).size).toBe(corpus.length)
  })

  it.each(corpus)('$name → $path ($code)', (entry) => {
    let result: ReturnType<typeof validateConfig> | undefined
    expect(() => {
      result = validateConfig(entry.input)
    }).not.toThrow()
    const { config, issues } = result!
    expect(issues).toContainEqual(expect.objectContaining({ path: entry.path, code: entry.code }))
    for (const issue of issues) expect(issue.message).toMatch(/^expected .+, got .+/)

    if (entry.effect === 'fatal') expect(config).toBeUndefined()
    else {
      // The broken part is gone, the valid sibling campaigns still run.
      expect(config?.campaigns.map((c) => c.id)).toEqual(['ok-a', 'ok-b'])
      if (entry.effect === 'field') expect(Object.keys(config!)).not.toContain(entry.path.split(/[.[]/)[0])
    }
    expect(JSON.stringify(config ?? {})).not.toContain('polluted')
  })

  it('leaves Object.prototype untouched', () => {
    for (const entry of corpus) validateConfig(entry.input)
    expect(protoKeys()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
