// Generates the README's config reference from packages/core/schema.json (itself generated
// from the config definition in @linger/core), so the docs cannot drift from the validator.
//   node scripts/config-reference.mjs          check the README is in sync (exit 1 if not)
//   node scripts/config-reference.mjs --write  rewrite the README section
import { readFileSync, writeFileSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
const schema = JSON.parse(readFileSync(`${root}packages/core/schema.json`, 'utf8'))
const readmePath = `${root}README.md`

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')

function typeOf(node) {
  if (!node) return ''
  if (node.$ref) {
    const name = node.$ref.split('/').pop()
    return `[${name}](#${name.toLowerCase()})`
  }
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``
  if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ')
  if (node.anyOf || node.oneOf) return (node.anyOf ?? node.oneOf).map(typeOf).join(' or ')
  if (node.type === 'array') {
    const item = node.items?.type === 'object' && node.items.properties ? 'object' : typeOf(node.items)
    return `array of ${item}${node.maxItems ? ` (≤ ${node.maxItems})` : ''}`
  }
  const limits = []
  if (node.minimum !== undefined) limits.push(`≥ ${node.minimum}`)
  if (node.maximum !== undefined) limits.push(`≤ ${node.maximum}`)
  if (node.maxLength !== undefined) limits.push(`≤ ${node.maxLength} chars`)
  const base = node.type === 'integer' ? 'integer' : (node.type ?? 'any')
  return limits.length ? `${base} (${limits.join(', ')})` : base
}

/** The default the definition gives a field (`default` in schema.json), as JSON. */
const defaultOf = (prop) => (prop.default === undefined ? '' : `\`${JSON.stringify(prop.default)}\``)

function table(node, required = node.required ?? []) {
  const rows = Object.entries(node.properties ?? {}).map(
    ([name, prop]) =>
      `| \`${name}\`${required.includes(name) ? ' *' : ''} | ${cell(typeOf(prop))} | ${cell(defaultOf(prop))} | ${cell(prop.description)} |`,
  )
  return ['| field | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n')
}

/** Nested objects (variants' items, inline objects) get their own small tables. */
function nested(node, prefix) {
  const out = []
  for (const [name, prop] of Object.entries(node.properties ?? {})) {
    const target = prop.type === 'array' ? prop.items : prop
    if (target?.type === 'object' && target.properties) {
      out.push(`\n**\`${prefix}${name}${prop.type === 'array' ? '[]' : ''}\`**\n\n${table(target)}`)
    }
  }
  return out.join('\n')
}

function section(name, def) {
  const parts = [`### ${name}`, '', cell(def.description), '']
  if (def.allOf?.length) {
    const tag = Object.keys(def.properties ?? {})[0]
    for (const branch of def.allOf) {
      const value = branch.if.properties[tag].const
      parts.push(
        `#### \`${tag}: "${value}"\``,
        '',
        cell(branch.then.description),
        '',
        table(branch.then),
        nested(branch.then, ''),
        '',
      )
    }
  } else if (def.properties) {
    parts.push(table(def), nested(def, ''), '')
  } else {
    parts.push(`Type: ${typeOf(def)}`, '')
  }
  return parts.join('\n')
}

const body = [
  '_Generated from `packages/core/schema.json` (itself generated from `packages/core/src/config/definition.ts`) by `node scripts/config-reference.mjs --write`; a test keeps it in sync. `*` = required; a default is what Linger uses when the field is absent._',
  '',
  section('Config (top level)', schema),
  ...Object.entries(schema.$defs).map(([name, def]) => section(name, def)),
].join('\n')

const readme = readFileSync(readmePath, 'utf8')
const pattern = /(<!-- config:start -->\n)[\s\S]*?(\n<!-- config:end -->)/
if (!pattern.test(readme)) {
  console.error('README has no <!-- config:start --> … <!-- config:end --> section')
  process.exit(1)
}
if (process.argv.includes('--write')) {
  writeFileSync(
    readmePath,
    readme.replace(pattern, (_, start, end) => `${start}${body}${end}`),
  )
  console.log('README config reference updated')
} else if (!readme.match(pattern)[0].includes(body)) {
  console.error('README config reference is out of date: run node scripts/config-reference.mjs --write')
  process.exit(1)
} else console.log('README config reference is in sync with schema.json')
