import { defineConfig } from 'vite'

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // In this repository @linger/* resolve to their sources (tsconfig.base.json's paths); an app
  // that installs the packages from npm needs neither this nor the jsx setting.
  resolve: { tsconfigPaths: true },
  build: { outDir: 'dist', emptyOutDir: true },
})
