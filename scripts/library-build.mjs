// The one tsdown setup every public package builds with (its tsdown.config.mjs calls this).
// The package's `exports` map is the list of entries: `./dist/config/index.js` is built from
// `src/config/index.ts`, so an entry is declared once, where users see it.
//
// Unbundled (dist/ mirrors src/, one .js + .d.ts + .d.ts.map per module): files found beside a
// module at run time (the collector's migrations and dashboard) keep their relative place, a
// bundler downstream tree-shakes module by module, and the declaration maps lead an editor's
// "go to definition" into the shipped src/.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'tsdown'

/** The src/ module each `./dist/….js` of the exports map is built from. */
function entriesOf(pkg, dir) {
  const targets = []
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value)
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v)
  }
  walk(pkg.exports)
  const entries = new Set()
  for (const target of targets) {
    const m = /^\.\/dist\/(.+)\.js$/.exec(target)
    if (!m) continue
    const source = ['ts', 'tsx'].map((ext) => `src/${m[1]}.${ext}`).find((f) => existsSync(new URL(f, dir)))
    if (!source) throw new Error(`${pkg.name}: ${target} has no source in src/`)
    entries.add(source)
  }
  return [...entries]
}

/**
 * @param {string} configUrl the package's tsdown.config.mjs (`import.meta.url`)
 * @param {{ platform?: 'node' | 'neutral', copy?: Array<{ from: string, to: string }>, bin?: string }} options
 *   `bin`: the command's source (src/bin.ts), built to dist/bin.js, which the package's bin/ file imports
 */
export function libraryBuild(configUrl, { platform = 'neutral', copy, bin } = {}) {
  const dir = new URL('.', configUrl)
  const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'))
  return defineConfig({
    cwd: fileURLToPath(dir),
    entry: [...entriesOf(pkg, dir), ...(bin ? [bin] : [])],
    root: 'src',
    outDir: 'dist',
    unbundle: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    fixedExtension: false,
    // A command-only package (the CLI) has no types to publish.
    dts: JSON.stringify(pkg.exports ?? {}).includes('"types"') && { sourcemap: true },
    sourcemap: true,
    // Other @linger packages stay imports by name, even where the workspace's tsconfig paths
    // would resolve them to their sources.
    deps: { neverBundle: [/^@linger\//] },
    // Browser packages build without Node's types, so none can leak into their .d.ts.
    tsconfig: fileURLToPath(
      new URL(platform === 'node' ? '../tsconfig.json' : '../tsconfig.build.json', import.meta.url),
    ),
    ...(copy && { copy }),
    logLevel: 'warn',
    report: false,
    // Declarations take most of the build's time; that is expected, not worth a warning each run.
    checks: { pluginTimings: false },
  })
}
