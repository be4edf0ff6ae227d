import { test as base } from '@playwright/test'
import { type FixtureServer, startFixtureServer } from './server'

/** `test` with a fresh fixture server (pages, package bundles, logging endpoint) per test. */
export const test = base.extend<{ server: FixtureServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  server: async ({}, use) => {
    const server = await startFixtureServer()
    await use(server)
    await server.close()
  },
})

export { expect } from '@playwright/test'
