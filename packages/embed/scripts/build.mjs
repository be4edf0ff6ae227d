// Builds the script-tag files into dist/: linger.js (classic script, IIFE), the lazy ES-module
// chunks it loads from beside itself, and the service worker. Prints sizes and the SRI hash.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { minify } from 'terser'

const here = dirname(fileURLToPath(import.meta.url))
const src = join(here, '../src')
const dist = join(here, '../dist')
rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })

const shared = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  // `_`-prefixed properties are private to one bundle, so they can be shortened safely;
  // nothing crosses a chunk boundary by a private name (see STYLE.md).
  mangleProps: /^_/,
  logLevel: 'warning',
}

/** [output file, entry, format] */
export const entries = [
  ['linger.js', 'linger.ts', 'iife'],
  ['linger-campaigns.js', 'campaigns.ts', 'esm'],
  ['linger-widgets.js', 'widgets.ts', 'esm'],
  ['linger-debug.js', 'debug.ts', 'esm'],
  ['linger-shopify.js', 'shopify.ts', 'esm'],
  ['linger-formats.js', 'formats.ts', 'esm'],
  ['linger-sw.js', 'sw.ts', 'iife'],
]

// esbuild bundles and minifies; terser's multi-pass compressor then takes off another 4–5 %
// (about 300 B brotli of linger.js) by inlining and folding what one pass leaves behind.
for (const [out, entry, format] of entries) {
  const file = join(dist, out)
  await build({ ...shared, entryPoints: [join(src, entry)], outfile: file, format })
  const { code } = await minify(readFileSync(file, 'utf8'), {
    ecma: 2020,
    module: format === 'esm',
    compress: { passes: 3 },
  })
  writeFileSync(file, code)
}

const manifest = {}
for (const [out] of entries) {
  const code = readFileSync(join(dist, out))
  manifest[out] = {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  }
}
writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
for (const [out, m] of Object.entries(manifest)) {
  console.log(`${out.padEnd(20)} ${String(m.bytes).padStart(6)} B  ${String(m.brotli).padStart(5)} B brotli`)
}
console.log(`linger.js integrity: ${manifest['linger.js'].integrity}`)
