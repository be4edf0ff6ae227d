import { defineConfig } from 'vite'

export default defineConfig({
  base: '/playground/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
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
