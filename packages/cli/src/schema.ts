import { toJsonSchema } from '@linger/core/config/toJsonSchema'

/** `linger schema`: the config's JSON Schema (the same as @linger/core/schema.json). */
export function schema(): number {
  console.log(JSON.stringify(toJsonSchema(), null, 2))
  return 0
}
