// @vitest-environment node
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { toJsonSchema } from '../../src/config/toJsonSchema'
import { corpus } from './corpus'
import { contractExample, everyField } from './examples'

const file = new URL('../../schema.json', import.meta.url)
const schema = toJsonSchema()
const validate = new Ajv2020({ allErrors: true }).compile(schema)

describe('JSON Schema', () => {
  it('is the committed packages/core/schema.json (regenerate: pnpm --filter @linger/core schema)', () => {
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`)
  })

  it('is draft 2020-12 with the published $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe('https://unpkg.com/@linger/core/schema.json')
  })

  it('accepts the CONTRACT example and the every-field example', () => {
    expect(validate(JSON.parse(JSON.stringify(contractExample))), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(JSON.parse(JSON.stringify(everyField))), JSON.stringify(validate.errors)).toBe(true)
  })

  it.each(corpus.filter((e) => !e.schemaMisses))('rejects: $name', (entry) => {
    expect(validate(entry.input)).toBe(false)
  })

  it('describes every property, so editors show help', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string) => {
      if (node && typeof node === 'object') {
        const { properties } = node as { properties?: Record<string, { description?: string }> }
        for (const [k, p] of Object.entries(properties ?? {}))
          if (!p.description && !path.endsWith('.if')) missing.push(`${path}.${k}`)
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`)
      }
    }
    walk(schema, '#')
    expect(missing).toEqual([])
  })
})
