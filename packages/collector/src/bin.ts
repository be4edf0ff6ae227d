#!/usr/bin/env node
// The `linger-collector` command (`npx @linger/collector`): the server, or `push` / `seed`.
import { main } from './cli'

const code = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error)
  return 1
})
// No code: the server is running, and its signal handlers end the process.
if (code !== undefined) process.exit(code)
