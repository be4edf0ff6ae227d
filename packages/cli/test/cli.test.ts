// @vitest-environment node
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, it } from 'vitest'
import webpush from 'web-push'
import { isStamped } from '../../core/src/config/isStamped'
import { stampConfig } from '../../core/src/config/stampConfig'
import { validateConfig } from '../../core/src/config/validateConfig'
import { redos } from '../../core/test/config/redos'

// The command's source through tsx, so the tests need no build; the door test (scripts/door.mjs)
// runs the built bin from the packed tarball.
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const root = fileURLToPath(new URL('../../..', import.meta.url))
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** Runs the `linger` command in a child process. */
const linger = (args: string[], stdin?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    // From the repository root: tsx maps @linger/* to their sources with its tsconfig paths.
    const child = execFile(
      process.execPath,
      ['--import', tsx, bin, ...args],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin!.end(stdin)
  })

const nps = { id: 'n', kind: 'nps', trigger: { type: 'time', seconds: 5 }, question: 'Q?' }

// Each test spawns node + tsx (about a second), so they run side by side; on a loaded 2-core CI
// machine a dozen of them starting together can take longer than vitest's 20 s default.
describe.concurrent('linger', { timeout: 60_000 }, () => {
  it('help lists the commands', async ({ expect }) => {
    const { code, stdout } = await linger(['help'])
    expect(code).toBe(0)
    for (const c of ['validate <file>', 'schema', 'vapid', 'snippet', 'help'])
      expect(stdout).toContain(`linger ${c}`)
  })

  it('a reader that is gone (`| head -1`, `| true`) ends the command quietly, not with an EPIPE crash', async ({
    expect,
  }) => {
    const child = spawn(process.execPath, ['--import', tsx, bin, 'schema'], { cwd: root })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    // Like `| true`: the pipe's reading end is closed before the command writes.
    child.stdout.destroy()
    const code = await new Promise((done) => child.on('close', done))
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  })

  it('an unknown command exits 2 with the help', async ({ expect }) => {
    const { code, stderr } = await linger(['deploy'])
    expect(code).toBe(2)
    expect(stderr).toContain('unknown command "deploy"')
    expect(stderr).toContain('linger validate')
  })

  it('validate: the CONTRACT example is ok', async ({ expect }) => {
    const { code, stdout, stderr } = await linger(['validate', fixture('contract.json')])
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'ok: 5 campaigns\n', stderr: '' })
  })

  it('validate: one "path: message" line per problem, exit 1', async ({ expect }) => {
    const { code, stdout, stderr } = await linger(['validate', fixture('broken.json')])
    expect(code).toBe(1)
    expect(stdout.split('\n')).toEqual([
      'theme.color: expected a CSS colour: #rgb, #rrggbb (with or without alpha), rgb()/hsl() with numbers, or a colour name, got "red;}body{display:none"',
      'campaigns[0].trigger.seconds: expected a number ≥ 0, got "20s"',
      'campaigns[1].content.cta.href: expected an http(s):, mailto:, tel: or relative link, got "javascript:alert(1)"',
      '',
    ])
    expect(stderr).toBe('3 problems; 1 campaign of 3 would run\n')
  })

  it('validate: every known ReDoS rule is refused at its path (issue 25, finding 3)', async ({ expect }) => {
    const include = redos.map((r) => `re:${r.src}`)
    const config = { version: 1, site: 's', campaigns: [{ ...nps, audience: { url: { include } } }] }
    const { code, stdout, stderr } = await linger(['validate', '-'], JSON.stringify(config))
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toEqual(
      include.map(
        (rule, i) =>
          `campaigns[0].audience.url.include[${i}]: expected a regular expression the browser can match in linear time: no backreferences, lookarounds or repeated groups, choices told apart by their first character, no two repetitions that can read the same characters (README, URL rules), got ${JSON.stringify(rule.length > 40 ? `${rule.slice(0, 40)}…` : rule)}`,
      ),
    )
    expect(stderr).toBe(`${include.length} problems; 0 campaigns of 1 would run\n`)
  })

  it('validate reads stdin with -, and says when the config is unusable', async ({ expect }) => {
    const { code, stdout, stderr } = await linger(
      ['validate', '-'],
      '{"version":2,"site":"s","campaigns":[]}',
    )
    expect(code).toBe(1)
    expect(stdout).toBe('version: expected 1, got 2\n')
    expect(stderr).toBe('1 problem; the config cannot be used\n')
  })

  it('validate --write: a config without problems is written back stamped; the page trusts it as it is (issue 23)', async ({
    expect,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'linger-'))
    const file = join(dir, 'linger.json')
    writeFileSync(file, readFileSync(fixture('contract.json')))
    const { code, stdout, stderr } = await linger(['validate', '--write', file])
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: '',
      stderr: `ok: 5 campaigns; stamped ${file}\n`,
    })
    const stamped = JSON.parse(readFileSync(file, 'utf8'))
    expect(stamped.$stamp).toMatch(/^2-[0-9a-z]+-[0-9a-z]+$/)
    expect(isStamped(stamped)).toBe(true)
    // The stamped file is the validator's output: defaults filled in, nothing left to fix.
    expect(validateConfig(stamped)).toEqual({ config: stamped, issues: [] })
    // Stamping again changes nothing.
    expect(stampConfig(stamped).config).toEqual(stamped)
  })

  it('validate --write: a config with a problem is not stamped or rewritten', async ({ expect }) => {
    const dir = mkdtempSync(join(tmpdir(), 'linger-'))
    const file = join(dir, 'linger.json')
    const broken = readFileSync(fixture('broken.json'), 'utf8')
    writeFileSync(file, broken)
    const { code, stderr } = await linger(['validate', '--write', file])
    expect(code).toBe(1)
    expect(stderr).toBe('3 problems; 1 campaign of 3 would run\n')
    expect(readFileSync(file, 'utf8')).toBe(broken)
    const piped = await linger(['validate', '--write', '-'], readFileSync(fixture('contract.json'), 'utf8'))
    expect(piped.code).toBe(0)
    expect(isStamped(JSON.parse(piped.stdout))).toBe(true)
  })

  it('validate: files that are not JSON or not there', async ({ expect }) => {
    const notJson = await linger(['validate', '-'], '{ "version": 1, }')
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toMatch(/^-: not JSON: /)
    const missing = await linger(['validate', '/nonexistent/linger.json'])
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: '/nonexistent/linger.json: cannot read it (ENOENT)\n',
    })
    expect((await linger(['validate'])).code).toBe(2)
  })

  it('schema prints the published JSON Schema', async ({ expect }) => {
    const { code, stdout } = await linger(['schema'])
    expect(code).toBe(0)
    const published = readFileSync(fileURLToPath(import.meta.resolve('@linger/core/schema.json')), 'utf8')
    expect(stdout).toBe(published)
    expect(JSON.parse(stdout)).toMatchObject({
      $id: 'https://unpkg.com/@linger/core/schema.json',
      title: 'Linger config',
    })
  })

  it('vapid prints a usable key pair and the collector env lines', async ({ expect }) => {
    const { code, stdout } = await linger(['vapid'])
    expect(code).toBe(0)
    const [first, ...rest] = stdout.split('\n')
    const { publicKey, privateKey } = JSON.parse(first!)
    expect(publicKey).toMatch(/^[\w-]{87}$/)
    expect(privateKey).toMatch(/^[\w-]{43}$/)
    // web-push checks the keys' decoded lengths and throws on a bad pair.
    expect(() => webpush.setVapidDetails('mailto:ops@example.com', publicKey, privateKey)).not.toThrow()
    expect(rest).toContain(`LINGER_VAPID_PUBLIC_KEY=${publicKey}`)
    expect(rest).toContain(`LINGER_VAPID_PRIVATE_KEY=${privateKey}`)
    expect(rest.some((l) => l.startsWith('LINGER_VAPID_SUBJECT=mailto:'))).toBe(true)
    const again = JSON.parse((await linger(['vapid', '--json'])).stdout)
    expect(again.publicKey).not.toBe(publicKey)
  })

  it('snippet prints the script tag with the SRI hash of the built linger.js', async ({ expect }) => {
    const manifest = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../embed/dist/manifest.json', import.meta.url)), 'utf8'),
    )
    const { code, stdout } = await linger(['snippet', '--src', 'https://cdn.shop.example/linger.js'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      '<script>window.linger=window.linger||function(){(linger.q=linger.q||[]).push(arguments)}</script>',
    )
    expect(stdout).toContain(
      `<script async src="https://cdn.shop.example/linger.js" integrity="${manifest['linger.js'].integrity}" crossorigin="anonymous" data-config="/linger.json"></script>`,
    )
  })
})
