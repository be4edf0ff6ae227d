// Builds the script-tag files into dist/: linger.js (classic script, IIFE), the lazy ES-module
// chunks it loads from beside itself, and the service worker. Prints sizes and the SRI hash;
// with --breakdown, also each file's source modules by minified bytes (where the size goes).
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { minify } from 'terser'

const here = dirname(fileURLToPath(import.meta.url))
const src = join(here, '../src')
const dist = join(here, '../dist')
// Only this script's files: dist/ also holds the snippet module that tsdown built just before.
mkdirSync(dist, { recursive: true })
for (const file of readdirSync(dist))
  if (/^linger.*\.js$|^manifest\.json$/.test(file)) rmSync(join(dist, file))

const shared = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  // `_`-prefixed properties are private to one bundle, so they can be shortened safely;
  // nothing crosses a chunk boundary by a private name: mangled names differ from bundle to bundle.
  mangleProps: /^_/,
  logLevel: 'warning',
}

// In linger-campaigns.js, matchRules' ReDoS guard is a stand-in (src/regexGuard.ts) that the
// chunk fills from linger-regex.js only for a config with a `re:` rule; npm builds keep core's.
const lazyRegexGuard = {
  name: 'lazy-regex-guard',
  setup(b) {
    b.onResolve({ filter: /\/isUnsafeRegex$/ }, ({ importer }) =>
      /matchRules\.ts$/.test(importer) ? { path: join(src, 'regexGuard.ts') } : undefined,
    )
  },
}

/** [output file, entry, format] */
export const entries = [
  ['linger.js', 'linger.ts', 'iife'],
  ['linger-campaigns.js', 'campaigns.ts', 'esm'],
  ['linger-widgets.js', 'widgets.ts', 'esm'],
  ['linger-survey.js', 'survey.ts', 'esm'],
  ['linger-validate.js', 'validate.ts', 'esm'],
  ['linger-regex.js', 'regex.ts', 'esm'],
  ['linger-debug.js', 'debug.ts', 'esm'],
  ['linger-push.js', 'push.ts', 'esm'],
  ['linger-shopify.js', 'shopify.ts', 'esm'],
  ['linger-formats.js', 'formats.ts', 'esm'],
  ['linger-sw.js', 'sw.ts', 'iife'],
]

// esbuild bundles and minifies; terser's multi-pass compressor then takes off another 4–5 %
// (about 300 B brotli of linger.js) by inlining and folding what one pass leaves behind.
const breakdown = process.argv.includes('--breakdown')
for (const [out, entry, format] of entries) {
  const file = join(dist, out)
  const { metafile } = await build({
    ...shared,
    entryPoints: [join(src, entry)],
    outfile: file,
    format,
    metafile: breakdown,
    plugins: entry === 'campaigns.ts' ? [lazyRegexGuard] : [],
  })
  if (breakdown) printModules(out, Object.values(metafile.outputs)[0].inputs)
  const { code } = await minify(readFileSync(file, 'utf8'), {
    ecma: 2020,
    module: format === 'esm',
    compress: { passes: 3 },
  })
  writeFileSync(file, code)
}

/** The modules of one output, largest first; the brotli share is proportional (an estimate). */
function printModules(out, inputs) {
  const rows = Object.entries(inputs).map(([path, { bytesInOutput }]) => [bytesInOutput, path])
  const total = rows.reduce((sum, [bytes]) => sum + bytes, 0)
  console.log(`\n${out}: ${total} B minified by esbuild, before terser`)
  for (const [bytes, path] of rows.sort((a, b) => b[0] - a[0]).filter(([bytes]) => bytes >= 100))
    console.log(
      `${String(bytes).padStart(7)} B  ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${path.replace(/^.*?(packages|node_modules)\//, '')}`,
    )
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
