import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config'
import { contractExample, everyField } from './examples'

const minimal = { version: 1, site: 'demo-shop', campaigns: [] }

describe('validateConfig', () => {
  it('accepts the CONTRACT example unchanged', () => {
    const { config, issues } = validateConfig(contractExample)
    expect(issues).toEqual([])
    expect(config).toEqual(contractExample)
  })

  it('accepts a config that uses every field', () => {
    const { config, issues } = validateConfig(everyField)
    expect(issues).toEqual([])
    expect(config).toEqual(everyField)
  })

  it('accepts the CONTRACT example as parsed JSON', () => {
    expect(validateConfig(JSON.parse(JSON.stringify(contractExample))).issues).toEqual([])
  })

  it('returns fresh objects and leaves the input alone', () => {
    const input = JSON.parse(JSON.stringify(everyField))
    const frozen = JSON.stringify(input)
    const { config } = validateConfig(input)
    expect(JSON.stringify(input)).toBe(frozen)
    expect(config).not.toBe(input)
    expect(config!.campaigns[0]).not.toBe(input.campaigns[0])
    expect(config!.theme).not.toBe(input.theme)
  })

  it('does not trust the prototype: inherited fields are not read', () => {
    const proto = { theme: { color: 'red' }, campaigns: [] }
    const input = Object.assign(Object.create(proto), { version: 1, site: 's' })
    const { config, issues } = validateConfig(input)
    expect(config).toBeUndefined()
    expect(issues).toEqual([expect.objectContaining({ path: 'campaigns', code: 'required' })])
  })

  it('accepts objects without a prototype', () => {
    const input = Object.assign(Object.create(null), { ...minimal })
    expect(validateConfig(input)).toEqual({ config: minimal, issues: [] })
  })

  it('names the path and what was expected', () => {
    const { issues } = validateConfig({
      ...minimal,
      campaigns: [{}, {}, { id: 'x', kind: 'nps', question: 'Q', trigger: { type: 'time', seconds: '20s' } }],
    })
    expect(issues).toContainEqual({
      path: 'campaigns[2].trigger.seconds',
      code: 'type',
      message: 'expected a number ≥ 0, got "20s"',
    })
  })

  it('keeps valid campaigns when one is broken, and drops a broken optional field', () => {
    const { config, issues } = validateConfig({
      ...contractExample,
      theme: { color: 'red', radius: 'round' },
      campaigns: [
        { ...contractExample.campaigns[2], trigger: { type: 'hover' } },
        ...contractExample.campaigns,
      ],
    })
    expect(issues.map((i) => i.path)).toEqual(['theme.radius', 'campaigns[0].trigger.type'])
    expect(config?.theme).toBeUndefined()
    expect(config?.campaigns.map((c) => c.id)).toEqual(contractExample.campaigns.map((c) => c.id))
  })

  it('drops a campaign whose "show" link points at a dropped campaign, transitively', () => {
    const show = (id: string, to: string) => ({
      id,
      kind: 'popup',
      trigger: { type: 'manual' },
      content: { cta: { label: 'Next', action: 'show', campaign: to } },
    })
    const { config, issues } = validateConfig({
      ...minimal,
      campaigns: [
        show('a', 'b'),
        show('b', 'c'),
        { id: 'c', kind: 'nps', trigger: { type: 'time' } },
        show('d', 'd'),
      ],
    })
    expect(config?.campaigns.map((c) => c.id)).toEqual(['d'])
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['campaigns[2].trigger.seconds', 'required'],
      ['campaigns[2].question', 'required'],
      ['campaigns[1].content.cta.campaign', 'ref'],
      ['campaigns[0].content.cta.campaign', 'ref'],
    ])
  })

  it('never throws, whatever it is given', () => {
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom')
        },
      },
    )
    const getter = {
      ...minimal,
      get site() {
        throw new Error('getter')
      },
    }
    const hostile: unknown[] = [
      undefined,
      null,
      Number.NaN,
      Symbol('x'),
      () => 1,
      throwing,
      getter,
      [minimal],
    ]
    for (const input of hostile) {
      expect(() => validateConfig(input)).not.toThrow()
      expect(validateConfig(input).config).toBeUndefined()
      expect(validateConfig(input).issues).toHaveLength(1)
    }
  })

  it('stays bounded on huge input', () => {
    const huge = {
      id: 'x'.repeat(1e6),
      kind: 'nps',
      trigger: { type: 'pageview' },
      question: 'q'.repeat(1e6),
    }
    const { config, issues } = validateConfig({ ...minimal, campaigns: new Array(100).fill(huge) })
    expect(config?.campaigns).toEqual([])
    expect(issues).toHaveLength(200)
    expect(issues[0]).toEqual({
      path: 'campaigns[0].id',
      code: 'length',
      message: 'expected a string of at most 64 characters, got 1000000',
    })
    const many = validateConfig({ ...minimal, campaigns: new Array(1e6).fill(huge) })
    expect(many.config).toBeUndefined()
    expect(many.issues).toEqual([expect.objectContaining({ path: 'campaigns', code: 'length' })])
  })
})
