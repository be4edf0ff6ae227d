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
    'linger-campaigns.js': 11000,
    'linger-widgets.js': 9000,
    'linger-survey.js': 9000,
    'linger-validate.js': 7000,
    'linger-regex.js': 1500,
    'linger-push.js': 1200,
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

  it('sums what a page loads before a widget shows, and once one shows — not push, Shopify or debug', () => {
    const budgets = JSON.stringify({ 'page before any widget': 15000, 'page with a widget': 24000 })
    const result = run('--manifest', manifestWith(files), '--budgets', budgets)
    expect(result.status, result.stdout).toBe(0)
    expect(result.stdout).toMatch(/ok {3}page before any widget\s+15000 B brotli/)
    expect(result.stdout).toMatch(/ok {3}page with a widget\s+24000 B brotli/)
    const tight = JSON.stringify({ 'page with a widget': 23999 })
    const over = run('--manifest', manifestWith(files), '--budgets', tight)
    expect(over.status).toBe(1)
    expect(over.stdout).toMatch(/OVER page with a widget\s+24000 B brotli \(budget 23999 B\)/)
  })

  it('fails on a budget for a file or scenario the build does not have (a renamed one would pass at 0 B)', () => {
    const result = run('--manifest', manifestWith(files), '--budgets', '{"linger-gone.js":1000}')
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/UNKNOWN linger-gone\.js: no such file or scenario/)
    const { 'linger-widgets.js': _, ...noWidgets } = files
    const partial = run('--manifest', manifestWith(noWidgets), '--budgets', '{"page with a widget":99999}')
    expect(partial.status).toBe(1)
    expect(partial.stdout).toMatch(/UNKNOWN page with a widget/)
  })
})
