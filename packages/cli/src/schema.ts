import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * `linger schema`: the config's JSON Schema, as shipped in @linger/core/schema.json (core's
 * tests keep that file identical to the one generated from the definition).
 */
export function schema(): number {
  const file = createRequire(import.meta.url).resolve('@linger/core/schema.json')
  process.stdout.write(readFileSync(file, 'utf8'))
  return 0
}
