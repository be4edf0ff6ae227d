// `npm run bench`: Linger beside its peers, from a fresh clone. Installs what it needs (like
// `npm test`), builds the script-tag embed, then runs bench/bench.ts, which prints one table and
// writes bench/results/results.md and results.json. Extra arguments go to the bench
// (e.g. `npm run bench -- --runs 9`).
import { ensureChromium, installDependencies, pnpmCommand, run } from './setup.mjs'

const pnpm = pnpmCommand()
installDependencies(pnpm)
ensureChromium()

if (run(`${pnpm} --filter @linger/embed build`) !== 0) {
  console.error('bench: the embed build failed')
  process.exit(1)
}
const args = process.argv
  .slice(2)
  .map((a) => JSON.stringify(a))
  .join(' ')
process.exit(run(`${pnpm} --filter @linger/bench bench ${args}`))
