// `npm run release:dry`: a release up to the publish itself. Shows what the pending changesets
// would version, builds and packs every public package into release/, lists what each tarball
// holds, and asks npm what it would publish (`npm publish --dry-run`, nothing leaves the machine).
// The real release: `pnpm changeset version`, commit, then `pnpm publish -r --access public`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildPackages, packAll, tarballFiles } from './pack.mjs'
import { installDependencies, pnpmCommand, root, run } from './setup.mjs'

const pnpm = pnpmCommand()
const dest = join(root, 'release')
installDependencies(pnpm)

console.log('\n── pending changesets (what `changeset version` would bump) ──')
// Needs the git history of main; a shallow clone without it only loses this listing.
if (run(`${pnpm} exec changeset status --verbose`) !== 0) console.log('(changeset status unavailable here)')

console.log('\n── build ──')
if (buildPackages(pnpm) !== 0) process.exit(1)

rmSync(dest, { recursive: true, force: true })
mkdirSync(dest)
let failed = 0
for (const { name, version, tarball } of packAll(pnpm, dest)) {
  const files = tarballFiles(tarball)
  const bytes = files.reduce((sum, f) => sum + f.size, 0)
  console.log(`\n── ${name}@${version}: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB unpacked ──`)
  for (const f of files) console.log(`${String(f.size).padStart(9)}  ${f.path}`)
  const dry = spawnSync('npm', ['publish', '--dry-run', '--access', 'public', tarball], { encoding: 'utf8' })
  const ok = dry.status === 0
  if (!ok) failed++
  console.log(
    ok
      ? `npm publish --dry-run: would publish ${name}@${version}`
      : `npm publish --dry-run failed:\n${dry.stderr}`,
  )
}
console.log(`\ntarballs in ${dest}${failed ? `; ${failed} would not publish` : ''}`)
process.exit(failed ? 1 : 0)
