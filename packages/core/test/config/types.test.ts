import { describe, expect, it } from 'vitest'
import { configDefinition } from '../../src/config'
import type { SchemaNode } from '../../src/config/schema'
import { everyField } from './examples'

// `LingerConfig` is derived from the definition (config/types.ts), so the two agree by
// construction; `everyField` (typed `LingerConfig`, and it must validate) shows the derived
// types accept a config using every field: here, every property the definition knows must
// appear in it.

// Shared nodes (one `audience` for every kind) count once: a property is covered when the
// example uses it anywhere the same node applies. Keys are `<node number>.<property>`.
const ids = new Map<SchemaNode, number>()
const key = (n: SchemaNode, k: string) => {
  if (!ids.has(n)) ids.set(n, ids.size)
  return `${ids.get(n)}.${k}`
}

/** Every property the definition knows, with the first path it was found at. */
const defined = (n: SchemaNode, path: string, out: Map<string, string>) => {
  if (n.type === 'obj')
    for (const [k, child] of Object.entries(n.props)) {
      if (out.has(key(n, k))) continue
      out.set(key(n, k), `${path}.${k}`)
      defined(child, `${path}.${k}`, out)
    }
  else if (n.type === 'tagged')
    for (const [t, branch] of Object.entries(n.of)) defined(branch, `${path}<${n.tag}=${t}>`, out)
  else if (n.type === 'arr') defined(n.item, `${path}[]`, out)
  else if (n.type === 'union') for (const alt of n.of) defined(alt, path, out)
  else if (n.type === 'record') defined(n.value, `${path}.*`, out)
  return out
}

/** Every property a value uses, read through the same nodes. */
const used = (n: SchemaNode, v: unknown, out: Set<string>) => {
  if (n.type === 'union') for (const alt of n.of) used(alt, v, out)
  else if (Array.isArray(v)) {
    if (n.type === 'arr') for (const item of v) used(n.item, item, out)
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (n.type === 'obj')
      for (const k of Object.keys(o)) {
        out.add(key(n, k))
        if (n.props[k]) used(n.props[k]!, o[k], out)
      }
    else if (n.type === 'tagged') used(n.of[o[n.tag] as string]!, o, out)
  }
  return out
}

describe('definition ↔ LingerConfig', () => {
  it('every field the definition knows is used by the typed every-field example', () => {
    const all = defined(configDefinition, '', new Map())
    const seen = used(configDefinition, everyField, new Set())
    expect([...all].filter(([k]) => !seen.has(k)).map(([, path]) => path)).toEqual([])
    expect(all.size).toBeGreaterThan(150)
  })
})
