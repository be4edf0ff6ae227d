import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  base: '/playground/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { main: resolve(__dirname, 'index.html'), frame: resolve(__dirname, 'frame.html') },
    },
  },
})
