#!/usr/bin/env node
// Runs the TypeScript sources through tsx's API, so the CLI ships its sources and needs no build.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error)
  return 1
})
