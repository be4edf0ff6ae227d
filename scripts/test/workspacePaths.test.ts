// @vitest-environment node
// The workspace resolves @linger/* through tsconfig.base.json's paths (to src/), npm users
// through each package's exports (to dist/). These tests keep the two maps in step, and the
// published exports what a package may publish: built files, each subpath named, types first.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const { config } = ts.readConfigFile(`${root}tsconfig.base.json`, ts.sys.readFile)
const paths = config.compilerOptions.paths as Record<string, string[]>
const packages = readdirSync(`${root}packages`).map((dir) => ({
  dir,
  pkg: JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8')),
}))

/** `{ '@linger/core/wire': './packages/core/src/wire/index.ts', … }` as the exports map implies it. */
function sourcesFromExports() {
  const map: Record<string, string> = {}
  for (const { dir, pkg } of packages)
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
      const types = (target as { types?: string }).types
      if (!types) continue
      const stem = types.replace(/^\.\/dist\//, `./packages/${dir}/src/`).replace(/\.d\.ts$/, '')
      const source = [`${stem}.ts`, `${stem}.tsx`].find((f) => existsSync(`${root}${f}`))
      map[`${pkg.name}${subpath.slice(1)}`] = source ?? `${stem}.ts (missing)`
    }
  return map
}

describe('package exports', () => {
  it('tsconfig paths map every typed export, and only those, to its source', () => {
    const fromPaths = Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [name, target]))
    expect(fromPaths).toEqual(sourcesFromExports())
  })

  it.each(packages)('$pkg.name publishes only built files, by explicit subpaths, types first', ({ pkg }) => {
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
      expect(subpath).not.toContain('*')
      if (typeof target === 'string') {
        expect(target).toMatch(/^\.\/(dist\/.+|schema\.json|package\.json)$/)
        continue
      }
      const conditions = Object.entries(target as Record<string, string>)
      expect(conditions.map(([condition]) => condition)).toEqual(['types', 'default'])
      for (const [, file] of conditions) expect(file).toMatch(/^\.\/dist\/.+\.(d\.ts|js)$/)
    }
    expect(pkg.files).toContain('dist')
    expect(pkg.sideEffects).toBe(false)
    expect(pkg.engines.node).toBe('>=20.19')
    expect(pkg.license).toBe('MIT')
  })
})
