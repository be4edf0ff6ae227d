import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { jsonOnly } from './jsonOnly'
import type { Engine, PageFn, Tab } from './types'
import { KEYS, WebDriverSession, waitForDriver } from './webdriver'

/** The MiniBrowser of Debian's libwebkit2gtk-4.1-0 (what WebKitWebDriver drives), or LINGER_WEBKIT_BROWSER. */
export function miniBrowser(): string | undefined {
  if (process.env.LINGER_WEBKIT_BROWSER) return process.env.LINGER_WEBKIT_BROWSER
  for (const pkg of ['libwebkit2gtk-4.1-0', 'libwebkit2gtk-4.0-37', 'libwebkitgtk-6.0-4']) {
    try {
      const files = execFileSync('dpkg', ['-L', pkg], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
      const found = files.split('\n').find((f) => f.endsWith('/MiniBrowser'))
      if (found && existsSync(found)) return found
    } catch {} // not installed
  }
  return undefined
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })

/**
 * WebKitGTK through WebKitWebDriver (W3C WebDriver classic), MiniBrowser under Xvfb. One session
 * for the worker; each tab is its own window (a background tab would be `hidden`). WebDriver acts
 * on one window at a time, so every command takes a turn and switches to its window first.
 */
export async function launchWebKit(): Promise<Engine> {
  const binary = miniBrowser()
  if (!binary) throw new Error('WebKit: no MiniBrowser found (apt-get install webkit2gtk-driver xvfb)')
  const port = await freePort()
  // xvfb-run -a: a free display of its own; detached so the whole group (Xvfb too) ends with us.
  const driver: ChildProcess = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  })
  const base = `http://127.0.0.1:${port}`
  await waitForDriver(base)
  const session = await WebDriverSession.create(base, {
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    // A scenario may run one long loop in the page (the XSS corpus): WebDriver's default is 30 s.
    timeouts: { script: 240_000 },
  })
  const home = await session.cmd<string>('GET', '/window')
  let turn = Promise.resolve()
  let current = home
  /** Runs `fn` on window `handle`, after every earlier command finished. */
  const on = <T>(handle: string, fn: () => Promise<T>): Promise<T> => {
    const run = turn.then(async () => {
      if (current !== handle) {
        await session.cmd('POST', '/window', { handle })
        current = handle
      }
      return fn()
    })
    turn = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
  const actions = (handle: string, source: Record<string, unknown>) =>
    on(handle, async () => {
      await session.cmd('POST', '/actions', { actions: [source] })
      await session.cmd('DELETE', '/actions')
    })
  const open = new Set<string>()

  const tab = (handle: string): Tab => ({
    goto: (url) => on(handle, () => session.cmd('POST', '/url', { url })).then(() => undefined),
    async evaluate<R, A>(fn: PageFn<A, R>, arg?: A) {
      const script = `const done = arguments[arguments.length - 1];
        try { Promise.resolve((${jsonOnly(fn).toString()})(arguments[0])).then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) })) }
        catch (e) { done({ err: String(e && e.stack || e) }) }`
      const r = await on(handle, () =>
        session.cmd<{ ok?: R; err?: string }>('POST', '/execute/async', { script, args: [arg ?? null] }),
      )
      if (r?.err) throw new Error(`in the page: ${r.err}`)
      return r?.ok as R
    },
    press(key) {
      const codes = key.split('+').map((k) => KEYS[k] ?? k)
      const down = codes.map((value) => ({ type: 'keyDown', value }))
      const up = codes.reverse().map((value) => ({ type: 'keyUp', value }))
      return actions(handle, { type: 'key', id: 'kb', actions: [...down, ...up] })
    },
    type(text) {
      const keys = [...text].flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ])
      return actions(handle, { type: 'key', id: 'kb', actions: keys })
    },
    pointer(points) {
      const moves = points.map(([x, y]) => ({
        type: 'pointerMove',
        origin: 'viewport',
        x: Math.round(x),
        y: Math.round(y),
        duration: 16,
      }))
      return actions(handle, {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: moves,
      })
    },
    click(x, y) {
      return actions(handle, {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      })
    },
    close: async () => {
      if (!open.delete(handle)) return
      await on(handle, async () => {
        await session.cmd('DELETE', '/window')
        // Never leave the session pointing at a closed window.
        await session.cmd('POST', '/window', { handle: home })
        current = home
      })
    },
  })

  const version = String(session.capabilities.browserVersion ?? '?')
  return {
    name: 'webkit',
    version: `WebKitGTK ${version}`,
    driver: 'W3C WebDriver (WebKitWebDriver, MiniBrowser under Xvfb)',
    can: { offline: false, touch: false, pointerOut: false },
    why: {
      offline: 'WebDriver classic has no offline mode: the collector refuses connections instead',
      touch: "WebKitGTK's WebDriver emulates no phone (no touch screen, no coarse pointer)",
      pointerOut: 'WebDriver refuses pointer moves outside the viewport ("move target out of bounds")',
    },
    async newTab() {
      const { handle } = await on(home, () =>
        session.cmd<{ handle: string }>('POST', '/window/new', { type: 'window' }),
      )
      open.add(handle)
      return tab(handle)
    },
    phoneTab: async () => {
      throw new Error('WebKitGTK: WebDriver emulates no phone (see can.touch)')
    },
    // WebKitWebDriver has no permissions command (and this WebKitGTK build no PushManager).
    grantNotifications: async () => false,
    setOffline: async () => {
      throw new Error('WebDriver has no offline mode')
    },
    async reset() {
      for (const handle of [...open]) await tab(handle).close()
    },
    async close() {
      await session.end()
      try {
        process.kill(-driver.pid!, 'SIGTERM')
      } catch {}
    },
  }
}
