// Shared setup for the README's commands: pnpm, dependencies, Chromium, PostgreSQL.
// Uses only Node built-ins so it runs on a fresh clone with nothing but Node and npm.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

export const root = new URL('..', import.meta.url).pathname

export function run(command, options = {}) {
  const result = spawnSync(command, { shell: true, stdio: 'inherit', cwd: root, ...options })
  return result.status ?? 1
}

function has(command) {
  return spawnSync(`command -v ${command}`, { shell: true, stdio: 'ignore' }).status === 0
}

const isRoot = process.getuid?.() === 0
let aptUpdated = false
function aptInstall(packages) {
  if (!isRoot || !has('apt-get')) return false
  if (!aptUpdated) run('apt-get update -qq', { stdio: 'ignore' })
  aptUpdated = true
  console.log(`setup: installing ${packages} with apt-get`)
  return run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages} >/dev/null`) === 0
}

/** The pnpm command: a global pnpm 10 if there is one, else pnpm through npx. */
export function pnpmCommand() {
  try {
    if (
      execSync('pnpm --version', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .startsWith('10.')
    ) {
      return 'pnpm'
    }
  } catch {}
  return 'npx -y pnpm@10'
}

export function installDependencies(pnpm = pnpmCommand()) {
  console.log('setup: installing dependencies (pnpm install --frozen-lockfile)')
  if (run(`${pnpm} install --frozen-lockfile --reporter=silent`) !== 0) {
    throw new Error('pnpm install failed')
  }
}

/** Playwright's own Chromium if present, else Debian's, installed when we are root. */
export function ensureChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || `${process.env.HOME}/.cache/ms-playwright`
  const playwrightOwn = existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium'))
  if (playwrightOwn || process.env.LINGER_CHROMIUM) return
  if (['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some(existsSync)) return
  if (!aptInstall('chromium')) {
    throw new Error(
      'No Chromium found. Install one (Debian: apt-get install chromium) or set LINGER_CHROMIUM to its path.',
    )
  }
}

/**
 * Firefox ESR and WebKitGTK's WebDriver (with Xvfb) for the cross-engine suite: Debian's packages,
 * installed when we are root and they are missing. Returns the engines that cannot run here.
 */
export function ensureEngines() {
  const missing = []
  if (!['/usr/bin/firefox-esr', '/usr/bin/firefox'].some(existsSync) && !process.env.LINGER_FIREFOX)
    missing.push('firefox-esr')
  if (!has('WebKitWebDriver')) missing.push('webkit2gtk-driver')
  if (!has('xvfb-run')) missing.push('xvfb')
  if (missing.length && !aptInstall(missing.join(' '))) return missing
  return []
}

/** Directory of PostgreSQL server binaries (initdb, pg_ctl), installing Debian's when we are root. */
export function postgresBin({ install = true } = {}) {
  const find = () => {
    const base = '/usr/lib/postgresql'
    if (!existsSync(base)) return undefined
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (existsSync(`${base}/${v}/bin/initdb`)) return `${base}/${v}/bin`
    return undefined
  }
  return find() ?? (install && aptInstall('postgresql') ? find() : undefined)
}
