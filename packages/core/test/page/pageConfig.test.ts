import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config'
import { pageFields } from '../../src/config/pageFields'
import { pageConfig } from '../../src/page/pageConfig'
import { corpus } from '../config/corpus'
import { contractExample, everyField } from '../config/examples'

// pageConfig (in linger.js) checks the page fields by hand, for size; here it must reach the
// validator's verdict on every config the corpus and the examples hold, plus page-field edge
// cases, so the two can't drift apart.
const base = { version: 1, site: 'demo-shop', campaigns: [] }
const edges = [
  { ...base, endpoint: 'javascript:alert(1)' },
  { ...base, endpoint: 'java\tscript:alert(1)' },
  { ...base, endpoint: '/v1/batch', format: 'segment', writeKey: 'k' },
  { ...base, endpoint: `https://x.test/${'a'.repeat(2000)}` },
  { ...base, format: 'linger' },
  { ...base, format: 'mixpanel' },
  { ...base, writeKey: 'k'.repeat(501) },
  { ...base, consent: 'required' },
  { ...base, consent: 'maybe' },
  { ...base, site: 's'.repeat(64) },
  { ...base, campaigns: Array.from({ length: 101 }, () => ({})) },
]
const inputs = [contractExample, everyField, ...corpus.map((e) => e.input), ...edges]

/** What the page part does with a config: the pipeline's fields, `linger` being the default format. */
const effect = (c: Record<string, unknown> | undefined) =>
  c && {
    site: c.site,
    endpoint: c.endpoint,
    format: c.format === 'linger' ? undefined : c.format,
    writeKey: c.writeKey,
    consentRequired: c.consent === 'required',
  }

describe('pageConfig', () => {
  it.each(inputs.map((input, i) => [i, input]))(
    'agrees with validateConfig on the page fields (#%i)',
    (_, input) => {
      const full = validateConfig(input).config as Record<string, unknown> | undefined
      expect(effect(pageConfig(input) as Record<string, unknown> | undefined)).toEqual(effect(full))
    },
  )

  it('reads exactly the page fields the definition names', () => {
    const all = { ...base, endpoint: '/c', format: 'posthog', writeKey: 'k', consent: 'required' }
    expect(Object.keys(pageConfig(all)!).sort()).toEqual(
      Object.keys(pageFields)
        .filter((k) => k !== 'version')
        .sort(),
    )
  })
})
