import { configDefinition } from './definition'
import { DEFS, DOCS } from './docs'
import type { Format, SchemaNode } from './schema'

type Json = Record<string, unknown>

/** Where the published schema lives; configs point `$schema` here. */
export const SCHEMA_ID = 'https://unpkg.com/@linger/core/schema.json'

// JSON Schema patterns for formats the validator checks in code. They catch the common
// mistakes in an editor; the validator stays the authority (it also sees through
// whitespace and entity tricks, and compiles `re:` rules).
const ci = (s: string) => s.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`)
const FORMAT_PATTERNS: Partial<Record<Format, string>> = {
  href: `^(?:${ci('https')}?:|${ci('mailto')}:|${ci('tel')}:|(?![^/?#]*:))`,
  url: `^(?:${ci('https')}?:|(?![^/?#]*:))`,
  date: '^\\d{4}-\\d\\d-\\d\\d',
  // Looser than cssSyntax.ts (JSON Schema has no `i` flag), but no `url(`, `var(`, `;` or `}`.
  color: `^(?:#[\\dA-Fa-f]{3,8}|(?:${ci('rgb')}|${ci('hsl')})${ci('a')}?\\([-+\\d.%\\sa-zA-Z,/]*\\)|[A-Za-z]+)$`,
}

/**
 * Turns a schema node (by default the whole config) into a JSON Schema draft 2020-12
 * document, with named parts under `$defs` and field help from docs.ts.
 */
export function toJsonSchema(root: SchemaNode = configDefinition, names = DEFS, docs = DOCS): Json {
  const $defs: Json = {}

  const emit = (n: SchemaNode, owner: string, base: string): Json => {
    const name = names.get(n)
    if (!name || n === root) return body(n, owner, base)
    if (!$defs[name]) {
      $defs[name] = {} // reserve the name first: a def may refer to itself
      $defs[name] = { title: name, description: docs[name], ...body(n, name, name) }
    }
    return { $ref: `#/$defs/${name}` }
  }

  const props = (p: Record<string, SchemaNode>, owner: string, base: string): Json => {
    const out: Json = {}
    for (const [k, child] of Object.entries(p)) {
      const description = docs[`${owner}.${k}`] ?? docs[`${base}.${k}`]
      out[k] = { description, ...emit(child, `${owner}.${k}`, `${base}.${k}`) }
    }
    return out
  }

  const body = (n: SchemaNode, owner: string, base: string): Json => ({
    ...shape(n, owner, base),
    default: (n as { default?: unknown }).default,
  })

  const shape = (n: SchemaNode, owner: string, base: string): Json => {
    switch (n.type) {
      case 'str':
        return {
          type: 'string',
          minLength: n.min,
          maxLength: n.max,
          pattern: n.pattern?.source ?? (n.format && FORMAT_PATTERNS[n.format]),
        }
      case 'num':
        return {
          type: n.int ? 'integer' : 'number',
          minimum: n.min,
          exclusiveMinimum: n.gt,
          maximum: n.max,
        }
      case 'bool':
        return { type: 'boolean' }
      case 'lit':
        return n.values.length === 1 ? { const: n.values[0] } : { enum: n.values }
      case 'arr':
        return { type: 'array', items: emit(n.item, owner, base), minItems: n.min, maxItems: n.max }
      case 'obj':
        return {
          type: 'object',
          properties: props(n.props, owner, base),
          required: n.required.length ? n.required : undefined,
          additionalProperties: false,
        }
      case 'record':
        return {
          type: 'object',
          propertyNames: n.key && { pattern: n.key.source },
          additionalProperties: emit(n.value, owner, base),
          minProperties: 1,
          maxProperties: n.max,
        }
      case 'union':
        return { anyOf: n.of.map((alt) => emit(alt, owner, base)) }
      case 'tagged': {
        const tags = Object.keys(n.of)
        // if/then per tag rather than oneOf: editors then report the errors of the one
        // branch the tag picks, not of every branch.
        return {
          type: 'object',
          required: [n.tag],
          properties: { [n.tag]: { description: docs[`${owner}.${n.tag}`], enum: tags } },
          allOf: tags.map((t) => ({
            if: { properties: { [n.tag]: { const: t } }, required: [n.tag] },
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
            then: { description: docs[`${owner}.${t}`], ...body(n.of[t]!, `${owner}.${t}`, owner) },
          })),
        }
      }
    }
  }

  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'Linger config',
    description: docs.LingerConfig,
    ...emit(root, 'LingerConfig', 'LingerConfig'),
    $defs,
  }
  // Drop the undefined members left by optional constraints.
  return JSON.parse(JSON.stringify(schema))
}
