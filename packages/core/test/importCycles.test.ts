// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src', import.meta.url))

/** Every .ts module under `dir`. */
const modules = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? modules(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  )

/** The modules of packages/core/src that `file` imports, type-only imports included. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']*)'/g)].map(
    (m) => m[1]!,
  )
  const dynamic = [...text.matchAll(/\bimport\(\s*'(\.[^']*)'\s*\)/g)].map((m) => m[1]!)
  return [...specifiers, ...dynamic].flatMap((spec) => {
    const base = resolve(dirname(file), spec)
    const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => known.has(f))
    return hit ? [hit] : []
  })
}

/** Each import circle, as the chain of files that closes it (depth-first, one per back edge). */
function findCycles(files: string[]): string[][] {
  const known = new Set(files)
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]))
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const cycles: string[][] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const f of files) if (!state.has(f)) visit(f)
  return cycles
}

describe('packages/core/src imports', () => {
  it('form no circle (type-only imports count too)', () => {
    const files = modules(src)
    expect(files.length).toBeGreaterThan(50)
    const cycles = findCycles(files).map((c) => c.map((f) => relative(src, f)).join(' → '))
    expect(cycles).toEqual([])
  })

  it('the check finds a circle when there is one', () => {
    // The walker itself, on the old start-up's shape: start.ts and startCore.ts importing each other.
    const dir = mkdtempSync(join(tmpdir(), 'linger-cycle-'))
    try {
      writeFileSync(join(dir, 'start.ts'), "import { startCore } from './startCore'\n")
      writeFileSync(join(dir, 'startCore.ts'), "import type { StartDeps } from './start'\n")
      writeFileSync(join(dir, 'init.ts'), "import { start } from './start'\n")
      const cycles = findCycles(modules(dir)).map((c) => c.map((f) => relative(dir, f)).join(' → '))
      expect(cycles).toEqual(['start.ts → startCore.ts → start.ts'])
    } finally {
      rmSync(dir, { recursive: true })
    }
  })
})
