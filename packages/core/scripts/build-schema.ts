// Writes packages/core/schema.json from the config definition: `pnpm --filter @linger/core schema`.
// The file is committed; test/config/schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs'
import { toJsonSchema } from '../src/config/toJsonSchema'

const file = new URL('../schema.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(toJsonSchema(), null, 2)}\n`)
console.log(`wrote ${file.pathname}`)
