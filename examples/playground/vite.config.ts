import { defineConfig } from 'vite'

export default defineConfig({
  base: '/playground/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // @linger/* resolve to their sources in this repository (tsconfig.base.json's paths).
  resolve: { tsconfigPaths: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: new URL('index.html', import.meta.url).pathname,
        frame: new URL('frame.html', import.meta.url).pathname,
      },
    },
  },
})
