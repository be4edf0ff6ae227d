// @vitest-environment node
// The README's Architecture picture names folders and files; they must exist, so that a
// newcomer who follows it finds what it says (a move that forgets the picture fails here).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')
const packages = ['core', 'embed', 'widgets', 'collector', 'cli']

/** The ```text block of the "## Architecture" section. */
const picture = /## Architecture\n[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''

/** Paths the picture names: `core/src/page/`, `embed/src/linger.ts`, `pipeline/` (in core/src); not URLs (`/v1/batch`). */
const named = [
  ...new Set([...picture.matchAll(/(?<![\w/])[\w.-]+(?:\/[\w.-]+)*\/(?:[\w-]+\.ts)?/g)].map((m) => m[0])),
]

const where = (path: string) =>
  packages.includes(path.split('/')[0]!) ? `packages/${path}` : `packages/core/src/${path}`

describe('README Architecture picture', () => {
  it('names folders and files', () => {
    expect(named.length).toBeGreaterThan(15)
  })

  it.each(named.map((path) => [path]))('%s exists', (path) => {
    expect(existsSync(`${root}${where(path)}`), where(path)).toBe(true)
  })
})
