// @vitest-environment node
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import schema from '../../schema.json'
import { validateConfig } from '../../src/config/validateConfig'

// The README's example config is what marketers copy first: it must pass both the shipped
// JSON Schema (what editors check) and the SDK's own validation.
const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Config (marketers)'))
const example = JSON.parse(
  section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7)),
)

describe("the README's example config", () => {
  it('is valid against schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
  })

  it('passes validateConfig with every campaign kept', () => {
    const { config, issues } = validateConfig(example)
    expect(issues).toEqual([])
    expect(config?.campaigns.map((c) => c.kind)).toEqual(['popup', 'popup', 'nps', 'csat', 'push'])
  })
})
