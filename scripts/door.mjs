// The door test: Linger as a new user gets it, outside this repository. Packs every public
// package, installs the tarballs with npm into a scratch app in a temporary folder (their
// third-party dependencies come from the registry or npm's cache), then checks each door the
// README opens. One line per check; ends with "door: N passed, N failed" and writes the counts
// to test-results/door.json for `npm test`.
//   node scripts/door.mjs            build the packages first
//   node scripts/door.mjs --built    use the dist/ folders as they are (npm test builds before)
//   node scripts/door.mjs --keep     keep the scratch folder
// The scratch app's TypeScript and Vite are this repository's (the same versions an app would
// install); everything under test comes from the tarballs.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPackages, packAll } from './pack.mjs'
import { pnpmCommand, root } from './setup.mjs'

const args = process.argv.slice(2)
const pnpm = pnpmCommand()
const scratch = mkdtempSync(join(tmpdir(), 'linger-door-'))
const app = join(scratch, 'app')
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)
const results = []
const started = Date.now()
// A new user's shell: none of the npm/pnpm settings `npm test` passes to its scripts, and none
// of this repository's node_modules/.bin folders on the PATH.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)))
env.PATH = (env.PATH ?? '')
  .split(':')
  .filter((dir) => !dir.startsWith(root) && !dir.includes('node_modules'))
  .join(':')

/** Runs a command; resolves `{ code, out }` (stdout + stderr). `timeoutMs` catches a hang, not a slow machine. */
function exec(command, argv, { timeoutMs = 240_000, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: app, env, ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => {
      out += `\n(killed after ${timeoutMs / 1000} s)`
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
    child.on('error', (error) => resolve({ code: -1, out: String(error) }))
  })
}

/** Records one check: `fn` returns nothing (passed) or throws / returns a string (why it failed). */
async function check(name, fn) {
  const t = Date.now()
  let problem
  try {
    problem = await fn()
  } catch (error) {
    problem = error?.stack ?? String(error)
  }
  const seconds = ((Date.now() - t) / 1000).toFixed(1)
  results.push({ name, ok: !problem })
  console.log(`${problem ? 'FAIL' : 'ok  '} ${name} (${seconds} s)`)
  if (problem) console.log(String(problem).replace(/^/gm, '     '))
}

const expectExit = (result, code, what) =>
  result.code === code ? undefined : `${what} exited ${result.code}, expected ${code}:\n${result.out}`

/** A fenced block of the README: the first ```lang block after the heading `heading`. */
function readmeBlock(heading, lang) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf(`\n## ${heading}`))
  const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section)
  if (!block) throw new Error(`README: no ${lang} block under "## ${heading}"`)
  return block[1]
}

/** The scratch app: the README's npm example as src/main.ts, a page, a strict tsconfig. */
function writeApp() {
  mkdirSync(join(app, 'src'), { recursive: true })
  writeFileSync(join(app, 'package.json'), '{ "name": "door-app", "private": true, "type": "module" }\n')
  writeFileSync(join(app, 'src/main.ts'), readmeBlock('npm (front-end developers)', 'ts'))
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html><body><script type="module" src="/src/main.ts"></script></body></html>\n',
  )
  // What a new TypeScript app has: strict, no Node types, no jsx setting, libraries checked too.
  const tsconfig = (module, resolution) => ({
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution: resolution,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    include: ['src'],
  })
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig('ESNext', 'Bundler')))
  writeFileSync(join(app, 'tsconfig.node.json'), JSON.stringify(tsconfig('NodeNext', 'NodeNext')))
  writeFileSync(join(app, 'linger.json'), readmeBlock('Config (marketers)', 'json'))
  const broken = JSON.parse(readFileSync(join(app, 'linger.json'), 'utf8'))
  broken.campaigns[2].trigger.seconds = '20s'
  writeFileSync(join(app, 'broken.json'), JSON.stringify(broken, null, 2))
}

/** Starts `npx @linger/collector`, waits for its listening line, runs `use(url)`, stops it. */
async function withCollector(use) {
  const child = spawn('npx', ['--no', '@linger/collector'], {
    cwd: app,
    // Its own process group, so stopping it stops npx's node child too.
    detached: true,
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LINGER_DATA_DIR: join(scratch, 'data'),
      DATABASE_URL: '',
      LINGER_ADMIN_TOKEN: 'door',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise((done) => child.on('close', done))
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in 120 s:\n${out}`)), 120_000)
      const read = (d) => {
        out += d
        const m = /listening on (http:\/\/[\d.]+:\d+)\n/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      exited.then(() => reject(new Error(`exited before listening:\n${out}`)))
    })
    return await use(url)
  } finally {
    if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    await exited
  }
}

try {
  if (!args.includes('--built')) {
    console.log('door: building the packages')
    if (buildPackages(pnpm) !== 0) throw new Error('build failed')
  }
  const tarballDir = join(scratch, 'tarballs')
  mkdirSync(tarballDir)
  const tarballs = packAll(pnpm, tarballDir)
  console.log(`door: ${tarballs.length} tarballs, scratch app in ${app}`)
  writeApp()

  // The linters read the tarballs alone, so they run while npm installs.
  const lints = tarballs.flatMap(({ name, tarball }) => [
    [`publint: ${name}`, exec(process.execPath, [bin('publint', 'src/cli.js'), 'run', tarball])],
    [
      `attw (ESM-only profile: node16 from ESM, bundler): ${name}`,
      exec(process.execPath, [
        bin('@arethetypeswrong/cli', 'dist/index.js'),
        tarball,
        '--profile',
        'esm-only',
      ]),
    ],
  ])
  const install = exec(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs.map((t) => t.tarball)],
    { timeoutMs: 600_000 },
  )

  await check('npm install of every tarball into a scratch app', async () =>
    expectExit(await install, 0, 'npm install'),
  )

  await check('tsc --strict on the README npm example (moduleResolution bundler, no Node types)', async () =>
    expectExit(await exec(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']), 0, 'tsc'),
  )
  await check('tsc --strict on the README npm example (moduleResolution nodenext)', async () =>
    expectExit(
      await exec(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json']),
      0,
      'tsc',
    ),
  )

  await check('vite build of the app; @linger/widgets lands in a lazy chunk', async () => {
    const built = await exec(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'])
    if (built.code !== 0) return expectExit(built, 0, 'vite build')
    const html = readFileSync(join(app, 'dist/index.html'), 'utf8')
    const entry = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    if (!entry) return `no entry script in dist/index.html:\n${html}`
    // Only the widgets create their shadow root (the core's runtime also names `linger-widget`,
    // to keep a shown bar clear of the site's navigation): the entry must not carry them, a
    // lazy chunk must.
    const widgets = (file) => readFileSync(join(app, 'dist/assets', file), 'utf8').includes('attachShadow')
    if (widgets(entry.slice('assets/'.length))) return `the widgets are in the entry chunk ${entry}`
    if (!readdirSync(join(app, 'dist/assets')).some(widgets)) return 'no chunk holds the widgets'
  })

  await check('plain Node imports every package entry (SSR: no window, nothing started)', async () => {
    const probe = `
      import { readFileSync } from 'node:fs'
      const failed = []
      let n = 0
      for (const name of ['core', 'widgets', 'embed', 'collector', 'cli']) {
        const { exports } = JSON.parse(readFileSync('node_modules/@linger/' + name + '/package.json', 'utf8'))
        for (const subpath of Object.keys(exports).filter((s) => !s.endsWith('.json'))) {
          const spec = '@linger/' + name + subpath.slice(1)
          n++
          try { await import(spec) } catch (e) { failed.push(spec + ': ' + e.message) }
          if ('window' in globalThis) failed.push(spec + ' defined window')
        }
      }
      console.log(n + ' entries')
      if (failed.length) { console.log(failed.join('\\n')); process.exitCode = 1 }`
    const r = await exec(process.execPath, ['--input-type=module', '-e', probe], { timeoutMs: 60_000 })
    // Exits by itself: an entry that started a server or a timer would hold the process open.
    if (r.code !== 0 || !/^\d+ entries/.test(r.out)) return `exit ${r.code}:\n${r.out}`
  })

  await check('npx @linger/cli validate on a broken config: the path-named error, exit 1', async () => {
    const r = await exec('npx', ['--no', '@linger/cli', 'validate', 'broken.json'])
    if (!r.out.includes('campaigns[2].trigger.seconds: expected a number ≥ 0, got "20s"'))
      return `no path-named error:\n${r.out}`
    return expectExit(r, 1, 'linger validate')
  })
  await check("npx @linger/cli validate on the README's config: exit 0", async () => {
    const r = await exec('npx', ['--no', '@linger/cli', 'validate', 'linger.json'])
    return expectExit(r, 0, 'linger validate') ?? (/^ok: \d+ campaigns$/m.test(r.out) ? undefined : r.out)
  })

  await check('npx @linger/collector answers GET /v1/health and serves the dashboard', () =>
    withCollector(async (url) => {
      const health = await fetch(`${url}/v1/health`).then((r) => r.json())
      if (health?.ok !== true) return `health: ${JSON.stringify(health)}`
      const page = await fetch(`${url}/`)
      const script = await fetch(`${url}/dashboard.js`)
      if (page.status !== 200 || !(await page.text()).includes('<html'))
        return `GET / answered ${page.status}`
      if (script.status !== 200) return `GET /dashboard.js answered ${script.status}`
    }),
  )

  await check('@linger/embed ships dist/linger.js, as its manifest describes it', () => {
    const dist = join(app, 'node_modules/@linger/embed/dist')
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))
    for (const [file, { integrity }] of Object.entries(manifest)) {
      if (!existsSync(join(dist, file))) return `${file} missing`
      const hash = `sha384-${createHash('sha384')
        .update(readFileSync(join(dist, file)))
        .digest('base64')}`
      if (hash !== integrity) return `${file}: ${hash} is not the manifest's ${integrity}`
    }
    if (!manifest['linger.js']) return 'no linger.js in the manifest'
  })

  await check('$schema: the URL in the README and schema.json $id is a file of the published core', () => {
    const url = 'https://unpkg.com/@linger/core/schema.json'
    // unpkg serves a package's files by path: /@linger/core/schema.json is <package>/schema.json.
    const file = join(app, 'node_modules/@linger/core/schema.json')
    if (!existsSync(file)) return 'the core tarball has no schema.json'
    const id = JSON.parse(readFileSync(file, 'utf8')).$id
    if (id !== url) return `schema.json $id is ${id}`
    const readme = JSON.parse(readmeBlock('Config (marketers)', 'json')).$schema
    if (readme !== url) return `the README's $schema is ${readme}`
    const resolved = spawnSync(process.execPath, ['-p', "require.resolve('@linger/core/schema.json')"], {
      cwd: app,
      env,
      encoding: 'utf8',
    })
    if (resolved.stdout.trim() !== file) return `@linger/core/schema.json resolves to ${resolved.stdout}`
  })

  for (const [name, pending] of lints)
    await check(name, async () => expectExit(await pending, 0, name.split(':')[0]))
} catch (error) {
  results.push({ name: 'door setup', ok: false })
  console.log(`FAIL door setup\n${error?.stack ?? error}`)
}

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
mkdirSync(join(root, 'test-results'), { recursive: true })
writeFileSync(join(root, 'test-results/door.json'), JSON.stringify({ passed, failed, skipped: 0 }))
if (args.includes('--keep') || failed) console.log(`door: scratch folder kept: ${scratch}`)
else rmSync(scratch, { recursive: true, force: true })
console.log(`door: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`)
process.exit(failed ? 1 : 0)
