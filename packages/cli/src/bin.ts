#!/usr/bin/env node
// The `linger` command (`npx @linger/cli …`): runs one command and exits with its code.
import { main } from './main'

// A reader that stops early (`linger schema | head`) closes the pipe: the output is no longer
// wanted, which is not an error (as with `cat`), so the command ends quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error)
  return 1
})
