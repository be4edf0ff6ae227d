// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import webpush from 'web-push'
import { batch, event, post } from './helpers/events'
import { startPushService } from './helpers/pushService'

// The command's source through tsx, so the tests need no build; the door test (scripts/door.mjs)
// starts the built bin from the packed tarball.
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const root = fileURLToPath(new URL('../../..', import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), 'linger-bin-'))
const keys = webpush.generateVAPIDKeys()
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  LINGER_DATA_DIR: dataDir,
  DATABASE_URL: '',
  LINGER_ADMIN_TOKEN: 'bin-token',
  LINGER_VAPID_PUBLIC_KEY: keys.publicKey,
  LINGER_VAPID_PRIVATE_KEY: keys.privateKey,
  LINGER_VAPID_SUBJECT: 'mailto:ops@shop.example',
}
let service: Awaited<ReturnType<typeof startPushService>>
const children: ChildProcess[] = []
let browser = ''

/** Runs the bin; resolves with its output once `until` matches it, or once it exits. */
function run(args: string[], until?: RegExp) {
  const child = spawn(process.execPath, ['--import', tsx, bin, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  return new Promise<{ out: string; code: number | null; child: ChildProcess }>((resolve) => {
    const check = (chunk: Buffer) => {
      out += chunk
      if (until?.test(out)) resolve({ out, code: null, child })
    }
    child.stdout.on('data', check)
    child.stderr.on('data', check)
    child.on('exit', (code) => resolve({ out, code, child }))
  })
}

beforeAll(async () => {
  service = await startPushService()
  // The mock push service is http on loopback: a real collector refuses such endpoints.
  env.LINGER_PUSH_TEST_ORIGINS = service.origin
})
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  await service.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

it('starts from the bin, prints the listening line, answers /v1/health, stores a batch', async () => {
  const { out, child } = await run([], /listening on http:\/\/\S+\n/) // whole line: output arrives in chunks
  const url = /linger collector listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(out)
  expect(url, out).not.toBeNull()
  expect(Number(url![2])).toBeGreaterThan(0)
  const health = await fetch(`${url![1]}/v1/health`)
  expect(await health.json()).toEqual({ ok: true })

  // A browser's subscription reaches the collector the usual way, as a push.subscribed event.
  const { clientHash, ...subscription } = await service.subscribe(keys.publicKey)
  browser = clientHash
  const sub = event({ type: 'push.subscribed', visitorId: 'bin-visitor', props: { subscription } })
  const res = await fetch(`${url![1]}/v1/batch`, post(batch([sub])))
  expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 })

  const exited = new Promise((done) => child.on('exit', done))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
}, 90_000)

it('`push` sends to the stored subscribers from the command line', async () => {
  const { out, code } = await run([
    'push',
    '--site',
    'shop',
    '--title',
    'Hello',
    '--body',
    'from the CLI',
    '--url',
    '/',
  ])
  expect(out).toContain('push: 1 sent, 0 expired and removed, 0 failed (of 1)')
  expect(code).toBe(0)
  expect((await service.messages(browser)).map((m) => JSON.parse(m))).toEqual([
    { linger: true, title: 'Hello', body: 'from the CLI', url: '/', site: 'shop' },
  ])
}, 90_000)

it('`push` without --title explains its usage and fails', async () => {
  const { out, code } = await run(['push', '--site', 'shop'])
  expect(code).toBe(2)
  expect(out).toContain('--site and --title are required')
}, 90_000)

it('routes `seed` to the retention seeds and rejects unknown commands', async () => {
  const seed = await run(['seed', '--help'])
  expect(seed.code).toBe(0)
  expect(seed.out).toMatch(/seed/)
  const unknown = await run(['frobnicate'])
  expect(unknown.code).toBe(2)
  expect(unknown.out).toContain('unknown command: frobnicate')
}, 90_000)
