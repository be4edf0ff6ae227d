import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants } from 'node:zlib'
import { build } from 'esbuild'
import { expect, test } from '../support/test'

const src = resolve(fileURLToPath(import.meta.url), '../../../packages/widgets/src')

/** Brotli (quality 11) size of `entry` bundled with preact and minified, as the embed ships it. */
async function brotliSize(entry: string): Promise<number> {
  const out = await build({
    entryPoints: [`${src}/${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const code = out.outputFiles[0]!.contents
  return brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
}

// Budget: the widgets chunk plus preact ≤ 10 KiB brotli (10,240 bytes, the unit issue 23's budgets use);
// the multi-question survey flow is a chunk of its own (linger-survey.js), with the same budget.
test('size budget: all widgets with preact ≤ 10,240 bytes brotli; each kind alone is smaller; the survey flow apart ≤ 10,240', async () => {
  const sizes: Record<string, number> = {}
  for (const entry of [
    'index.ts',
    'popup/index.ts',
    'nps/index.ts',
    'csat/index.ts',
    'push/index.ts',
    'flow/index.ts',
  ])
    sizes[entry] = await brotliSize(entry)
  test.info().annotations.push({ type: 'brotli bytes', description: JSON.stringify(sizes) })
  console.log('widgets brotli bytes (with preact):', sizes)
  expect(sizes['index.ts']).toBeLessThanOrEqual(10_240)
  for (const kind of ['popup', 'nps', 'csat', 'push'])
    expect(sizes[`${kind}/index.ts`]).toBeLessThan(sizes['index.ts']!)
  expect(sizes['flow/index.ts']).toBeLessThanOrEqual(10_240)
  // The README quotes these numbers; keep it honest.
  const readme = readFileSync(resolve(src, '../README.md'), 'utf8')
  const quoted = (n: number) => n.toLocaleString('en')
  expect(readme).toContain(`**Size: ${quoted(sizes['index.ts']!)} bytes brotli`)
  for (const kind of ['popup', 'nps', 'csat', 'push'])
    expect(readme).toContain(`${kind} ${quoted(sizes[`${kind}/index.ts`]!)}`)
  expect(readme).toContain(
    `survey flow (\`@linger/widgets/flow\`, its own chunk) ${quoted(sizes['flow/index.ts']!)}`,
  )
})
