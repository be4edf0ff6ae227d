import { defineConfig } from 'vitest/config'

// One vitest run covers every package's unit tests (packages/*/test), in happy-dom.
// Browser-level and end-to-end tests live in e2e/ and run under Playwright.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // @linger/* from their sources (tsconfig.base.json's paths): the packages' exports point at
  // dist/, which only `pnpm build` makes.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'scripts/test/**/*.test.ts'],
    environment: 'happy-dom',
    pool: 'threads',
    restoreMocks: true,
    setupFiles: ['packages/core/test/setupWebLocks.ts'],
    testTimeout: 20_000,
  },
})
