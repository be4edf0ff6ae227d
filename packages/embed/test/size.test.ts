import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const sizeScript = join(__dirname, '../scripts/size.mjs')

function manifestWith(brotli: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'linger-size-'))
  const file = join(dir, 'manifest.json')
  const entry = (b: number) => ({ bytes: b * 3, gzip: b + 100, brotli: b, integrity: 'sha384-x' })
  writeFileSync(
    file,
    JSON.stringify(Object.fromEntries(Object.entries(brotli).map(([f, b]) => [f, entry(b)]))),
  )
  return file
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, [sizeScript, '--no-readme', ...args], { encoding: 'utf8' })

describe('size check', () => {
  const files = {
    'linger.js': 4000,
    'linger-widgets.js': 9000,
    'linger-shopify.js': 300,
    'linger-sw.js': 600,
    'linger-debug.js': 2000,
  }

  it('passes when every file is within its budget', () => {
    const result = run('--manifest', manifestWith(files))
    expect(result.status, result.stdout).toBe(0)
    expect(result.stdout).toMatch(/ok {3}linger\.js\s+4000 B brotli/)
  })

  it('fails when a budget is exceeded, naming the file', () => {
    const result = run('--manifest', manifestWith(files), '--budgets', '{"linger.js":100}')
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/OVER linger\.js\s+4000 B brotli \(budget 100 B\)/)
  })

  it('counts everything a page can load, but not the debug chunk, in the total', () => {
    const result = run('--manifest', manifestWith(files), '--budgets', '{"total":14500}')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/total\s+13900 B brotli/)
    expect(run('--manifest', manifestWith(files), '--budgets', '{"total":13899}').status).toBe(1)
  })
})
