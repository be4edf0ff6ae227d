// `npm run demo`: builds linger.js, starts the collector on an embedded database (PGlite in
// .linger-data/demo, seeded once with a year of demo data) and the demo shop, and prints the
// URLs. Safe to run twice: the data directory, admin token and VAPID keys are reused.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { demoSteps, plainStep } from './demo-steps.mjs'
import { installDependencies, pnpmCommand, root, run } from './setup.mjs'

const pnpm = pnpmCommand()
installDependencies(pnpm)
if (run(`${pnpm} run build`) !== 0) throw new Error('build failed')

const dataDir = join(root, '.linger-data/demo')
mkdirSync(dataDir, { recursive: true })
const remembered = (file, make) => {
  const path = join(dataDir, file)
  if (!existsSync(path)) writeFileSync(path, make())
  return readFileSync(path, 'utf8').trim()
}
const token =
  process.env.LINGER_ADMIN_TOKEN ?? remembered('admin-token', () => randomBytes(12).toString('hex'))
const webpush = createRequire(join(root, 'packages/collector/package.json'))('web-push')
const vapid = JSON.parse(remembered('vapid.json', () => JSON.stringify(webpush.generateVAPIDKeys())))

const collectorPort = Number(process.env.LINGER_COLLECTOR_PORT ?? 8787)
const shopPort = Number(process.env.PORT ?? 8080)
const collectorUrl = `http://127.0.0.1:${collectorPort}`
const shopOrigins = [`http://127.0.0.1:${shopPort}`, `http://localhost:${shopPort}`]
const env = {
  ...process.env,
  PORT: String(collectorPort),
  LINGER_DATA_DIR: dataDir,
  LINGER_ADMIN_TOKEN: token,
  LINGER_ORIGINS: shopOrigins.join(','),
  LINGER_VAPID_PUBLIC_KEY: vapid.publicKey,
  LINGER_VAPID_PRIVATE_KEY: vapid.privateKey,
  LINGER_VAPID_SUBJECT: 'mailto:demo@example.com',
}
const collectorBin = join(root, 'packages/collector/bin/linger-collector.js')

// PGlite's directory belongs to one process at a time, so seed before the collector starts. The
// seeded year ends today, so the dashboard's default period (the last 90 days) shows the shop.
if (!existsSync(join(dataDir, 'seeded'))) {
  console.log('demo: seeding a year of demo data (first run only)…')
  const end = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`
  const seeded = spawnSync(
    process.execPath,
    [
      collectorBin,
      'seed',
      '--visitors',
      '20000',
      '--months',
      '12',
      '--seed',
      '42',
      '--site',
      'demo-shop',
      '--end',
      end,
    ],
    { env, stdio: 'inherit' },
  )
  if (seeded.status !== 0) throw new Error('seeding failed')
  writeFileSync(join(dataDir, 'seeded'), new Date().toISOString())
}

const collector = spawn(process.execPath, [collectorBin], { env, stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((ready, fail) => {
  collector.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (String(chunk).includes('listening on')) ready()
  })
  collector.on('exit', (code) => fail(new Error(`collector exited with ${code}`)))
})

const { startShop } = await import('../examples/shop/server.mjs')
const shop = await startShop({ port: shopPort, collectorUrl, vapidPublicKey: vapid.publicKey })

const steps = demoSteps().map((step, i) => `  ${i + 1}. ${plainStep(step.text)}`)
console.log(`
  Demo shop   ${shop.url}
  Dashboard   ${collectorUrl}/  (admin token: ${token})
  Playground  ${shop.url}/playground/

  Try it on a desktop, in a fresh (private) browser window; README.md "Try the demo" says why
  the steps wait where they do:
${steps.join('\n')}

  Ctrl+C stops both.`)

const stop = () => {
  collector.kill('SIGTERM')
  shop.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
