#!/usr/bin/env node
// The `linger` command (`npx @linger/cli …`): runs one command and exits with its code.
import { main } from './main'

process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error)
  return 1
})
