// Packs the public packages as npm would publish them, for the release dry run and the door test.
// `pnpm pack` (not npm's) because it turns `workspace:*` ranges into the real versions.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './setup.mjs'

/** The packages a release publishes: every packages/* that is not private, in folder order. */
export function publicPackages() {
  return readdirSync(join(root, 'packages'))
    .map((folder) => ({ dir: join(root, 'packages', folder), folder }))
    .map((p) => ({ ...p, pkg: JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
}

/** Builds the public packages (the embed's script files, every dist/). Returns the exit status. */
export function buildPackages(pnpm) {
  return spawnSync(`${pnpm} --filter "./packages/**" run build`, { shell: true, stdio: 'inherit', cwd: root })
    .status
}

/** Packs each public package into `dest`; returns `[{ name, version, tarball }]`. */
export function packAll(pnpm, dest) {
  return publicPackages().map(({ dir, pkg }) => {
    const out = spawnSync(`${pnpm} pack --pack-destination "${dest}"`, {
      shell: true,
      cwd: dir,
      encoding: 'utf8',
    })
    if (out.status !== 0) throw new Error(`pnpm pack failed for ${pkg.name}:\n${out.stderr}${out.stdout}`)
    const tarball = join(dest, `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`)
    return { name: pkg.name, version: pkg.version, tarball }
  })
}

/** The files in a tarball with their sizes, as `tar tvzf` lists them. */
export function tarballFiles(tarball) {
  const out = spawnSync('tar', ['tvzf', tarball], { encoding: 'utf8' })
  return out.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const parts = line.trim().split(/\s+/)
      return {
        size: Number(parts[2]),
        path: parts
          .slice(5)
          .join(' ')
          .replace(/^package\//, ''),
      }
    })
    .sort((a, b) => a.path.localeCompare(b.path))
}
