// @vitest-environment node
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { check, configDefinition, type SchemaNode } from '../../src/config'
import { DEFS, DOCS } from '../../src/config/docs'
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

  it('uses every text docs.ts holds: a key that names no field would be lost help', () => {
    const read = new Set<string>()
    const spy = new Proxy(DOCS, {
      get: (t, k: string) => {
        read.add(k)
        return t[k]
      },
    })
    toJsonSchema(configDefinition, DEFS, spy)
    expect(Object.keys(DOCS).filter((k) => !read.has(k))).toEqual([])
  })

  it('every default the definition gives passes its own field', () => {
    const bad: string[] = []
    const walk = (n: SchemaNode, path: string) => {
      const d = (n as { default?: unknown }).default
      if (d !== undefined && check(n, d, path, []) === undefined) bad.push(path)
      if (n.type === 'obj') for (const [k, c] of Object.entries(n.props)) walk(c, `${path}.${k}`)
      if (n.type === 'tagged') for (const [k, c] of Object.entries(n.of)) walk(c, `${path}<${k}>`)
      if (n.type === 'arr') walk(n.item, `${path}[]`)
      if (n.type === 'union') for (const c of n.of) walk(c, path)
    }
    walk(configDefinition, '')
    expect(bad).toEqual([])
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
