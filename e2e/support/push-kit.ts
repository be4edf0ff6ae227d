/**
 * Helpers for the push specs (e2e/tests/push-*.spec.ts): the push campaign config served to
 * the script tag, a persistent Chromium, the `web-push-testing` mock push service run
 * in-process, the real collector mounted on the fixture server, and CDP push delivery.
 * See docs/push-testing.md for what is real and what is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './browser'
import type { FixtureServer } from './server'

export const site = 'push-e2e'
export const campaignId = 'push-optin'
export const worker = '/embed-dist/linger-sw.js'
export const prompt = { title: 'Get restock alerts?', allow: 'Yes, notify me', deny: 'Not now' }

/** Serves `/push-config.json` (read by push-shop.html's script tag): one push campaign on every page view. */
export function serveConfig(
  server: FixtureServer,
  vapidPublicKey: string,
  { endpoint = '/collect', campaign = {} }: { endpoint?: string; campaign?: Record<string, unknown> } = {},
): void {
  const config = {
    version: 1,
    site,
    endpoint,
    campaigns: [
      {
        id: campaignId,
        kind: 'push',
        trigger: { type: 'pageview' },
        vapidPublicKey,
        // The built worker, served with `Service-Worker-Allowed: /` so it can control the whole site.
        serviceWorker: worker,
        scope: '/',
        content: prompt,
        ...campaign,
      },
    ],
  }
  server.route('/push-config.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(config))
  })
}

/**
 * A Chromium with a profile on disk, as a visitor has: there `pushManager.subscribe` really
 * tries to reach the browser's push service (FCM), where an incognito context refuses at once.
 */
export async function launchPersistent(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'linger-push-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `web-push`'s generateVAPIDKeys() (loaded untyped: @types/web-push is the collector's, not e2e's). */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const webpush = createRequire(import.meta.url)('web-push') as {
    generateVAPIDKeys(): { publicKey: string; privateKey: string }
  }
  return webpush.generateVAPIDKeys()
}

export interface MockSubscription {
  endpoint: string
  expirationTime: null
  keys: { p256dh: string; auth: string }
}

/** marc1706/web-push-testing, run in this worker: a push service that decrypts what it receives. */
export interface MockPushService {
  url: string
  /** A subscription for `applicationServerKey`, as a browser would get it, and its id there. */
  subscribe(applicationServerKey: string): Promise<{ subscription: MockSubscription; clientHash: string }>
  /** Decrypted payloads received for that subscription, oldest first. */
  notifications(clientHash: string): Promise<string[]>
  /** From now on pushes to it get 410 Gone. */
  expire(clientHash: string): Promise<void>
  close(): Promise<void>
}

interface WptServer {
  _app: { listen(port: number, host: string, cb: () => void): import('node:http').Server }
  setRequestHandlers(): void
}

export async function startMockPushService(): Promise<MockPushService> {
  // CommonJS without types or a usable `main`: load its two modules by path.
  const require = createRequire(import.meta.url)
  const Server = require('web-push-testing/src/server.js') as new (model: unknown, port: number) => WptServer
  const { PushApiModel } = require('web-push-testing/src/PushApiModel.js') as {
    PushApiModel: new () => { notifyUrl: string }
  }
  const model = new PushApiModel()
  const wpt = new Server(model, 1)
  // Listen on a free port ourselves: its startServer() takes a fixed one and exits the process on error.
  const http = await new Promise<import('node:http').Server>((done) => {
    const s = wpt._app.listen(0, '127.0.0.1', () => done(s))
  })
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  model.notifyUrl = `${url}/notify/`
  wpt.setRequestHandlers()
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    })
    const json = (await res.json().catch(() => ({}))) as { data?: unknown; error?: { message: string } }
    if (!res.ok) throw new Error(`web-push-testing ${path}: ${res.status} ${json.error?.message ?? ''}`)
    return json.data
  }
  return {
    url,
    async subscribe(applicationServerKey) {
      // Its validator wants userVisibleOnly as the string 'true' (form-encoded style).
      const data = (await post('/subscribe', { userVisibleOnly: 'true', applicationServerKey })) as {
        endpoint: string
        keys: { p256dh: string; auth: string }
        clientHash: string
      }
      return {
        subscription: { endpoint: data.endpoint, expirationTime: null, keys: data.keys },
        clientHash: data.clientHash,
      }
    },
    async notifications(clientHash) {
      return ((await post('/get-notifications', { clientHash })) as { messages: string[] }).messages
    },
    async expire(clientHash) {
      await post(`/expire-subscription/${clientHash}`)
    },
    close: () =>
      new Promise<void>((done) => {
        http.closeAllConnections()
        http.close(() => done())
      }),
  }
}

/**
 * Stands in for the browser's push service on the page side only: `PushManager.subscribe` and
 * `getSubscription` return `subscription` (obtained by Node from the mock push service), and the
 * key the SDK passed is kept in `window.__subscribeKey` (base64url) for the test to check.
 * Everything else (permission, service-worker registration and activation) is the real browser.
 */
export async function mockBrowserSubscription(page: Page, subscription: MockSubscription): Promise<void> {
  await page.addInitScript((json) => {
    const b64url = (key: BufferSource) => {
      const bytes = new Uint8Array(ArrayBuffer.isView(key) ? key.buffer : key)
      return btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')
    }
    const sub = {
      endpoint: json.endpoint,
      expirationTime: null,
      toJSON: () => json,
      unsubscribe: async () => true,
    } as unknown as PushSubscription
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      ;(window as unknown as { __subscribeKey: string }).__subscribeKey = b64url(
        options?.applicationServerKey as BufferSource,
      )
      return sub
    }
    PushManager.prototype.getSubscription = async () => sub
  }, subscription)
}

/**
 * Hands `data` to the page's active service worker as a push message through CDP
 * (`ServiceWorker.deliverPushMessage`): the same `push` event a push service would cause.
 */
export async function deliverPush(page: Page, data: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const origin = new URL(page.url()).origin
  const registrationId = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('no service worker registration reported by CDP')), 10_000)
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const reg = registrations.find((r) => !r.isDeleted && r.scopeURL === `${origin}/`)
      if (reg) {
        clearTimeout(timer)
        done(reg.registrationId)
      }
    })
    void cdp.send('ServiceWorker.enable')
  })
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data })
  await cdp.detach()
}

/** What the page's service-worker registration lists as shown notifications. */
export function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration('/')
    return (await reg?.getNotifications())?.map((n) => ({ title: n.title, body: n.body, data: n.data })) ?? []
  })
}

/** The page's IndexedDB event queue (db `linger`, store `queue`), read from the page. */
export function queuedEvents(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Array<{ type: string; campaignId?: string; props: Record<string, unknown> }>>(
        (done, fail) => {
          const open = indexedDB.open('linger')
          open.onerror = () => fail(open.error)
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains('queue')) return done([])
            const all = db.transaction('queue').objectStore('queue').getAll()
            all.onsuccess = () => {
              db.close()
              done(all.result)
            }
            all.onerror = () => fail(all.error)
          }
        },
      ),
  )
}

/**
 * Puts a fetch-style app (the real collector's `createApp`) behind the fixture server at `path`,
 * so the page's linger.js posts its batches to it same-origin, body and headers untouched.
 */
export function mountApp(
  server: FixtureServer,
  path: string,
  app: { fetch(request: Request): Response | Promise<Response> },
): void {
  server.route(path, async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
    const response = await app.fetch(
      new Request(new URL(req.url ?? '/', server.url), {
        method: req.method,
        headers,
        ...(req.method !== 'GET' && req.method !== 'HEAD' && { body: Buffer.concat(chunks) }),
      }),
    )
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
}
