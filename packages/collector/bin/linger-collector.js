#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's API, so the package ships its sources and needs no build.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src/cli.ts', import.meta.url)
const code = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error)
  return 1
})
if (code !== undefined) process.exit(code)
