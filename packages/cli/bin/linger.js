#!/usr/bin/env node
// The `linger` command, built to dist/. A clone of the repository has no dist/ until `pnpm build`.
try {
  await import('../dist/bin.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/bin.js')) throw error
  console.error('linger: not built yet; run `pnpm build` in the repository first')
  process.exitCode = 1
}
