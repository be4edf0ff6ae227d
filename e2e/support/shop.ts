// The demo shop against a real collector, each on a free port: the collector (in-process,
// in-memory PGlite, CORS for the shop's origin only, an admin token) and examples/shop/server.mjs
// pointed at it. Specs drive the shop in Chromium and read back what the collector stored.
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'
import { createApp, type Db, openDatabase, type Report } from '../../packages/collector/src/index'
import { seed } from '../../packages/collector/src/seed/seed'
import { pickVariant } from '../../packages/core/src/targeting/pickVariant'
import type { Campaign } from '../../packages/core/src/types'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
export const SHOP_CONFIG = resolve(root, 'examples/shop/public/linger.json')
const SITE = 'demo-shop'

type Listener = (req: IncomingMessage, res: ServerResponse) => void
type StartShop = (o: {
  port: number
  host: string
  collectorUrl: string
  vapidPublicKey: string
}) => Promise<{ url: string; close(): Promise<void> }>

/** A stored event row, as the collector's `events` table holds it. */
export interface StoredEvent {
  id: string
  type: string
  ts: string
  visitor_id: string
  session_id: string
  user_id: string | null
  campaign_id: string | null
  variant: string | null
  url: string
  props: Record<string, unknown>
}

export interface ShopStack {
  shopUrl: string
  collectorUrl: string
  adminToken: string
  db: Db
  /** What the collector stored from one visitor, oldest first, optionally of some types only. */
  events(visitorId: string, ...types: string[]): Promise<StoredEvent[]>
  /** `GET /v1/report` with the admin token. */
  report(query?: Record<string, string>): Promise<Report>
  close(): Promise<void>
}

export interface StackOptions {
  /** Seed a deterministic shop history first (`linger-collector seed`'s generator). */
  seed?: { visitors: number; months: number; end: Date }
}

/** A VAPID application server key: an uncompressed P-256 public key, base64url (RFC 8292). */
function vapidPublicKey(): string {
  const { x, y } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' })
  return Buffer.concat([Buffer.of(4), Buffer.from(x!, 'base64url'), Buffer.from(y!, 'base64url')]).toString(
    'base64url',
  )
}

/** The hono adapter the collector itself runs on, from the collector package's dependencies. */
async function honoListener(): Promise<(fetch: (r: Request) => Response | Promise<Response>) => Listener> {
  const require = createRequire(resolve(root, 'packages/collector/package.json'))
  const mod = await import(pathToFileURL(require.resolve('@hono/node-server')).href)
  return mod.getRequestListener
}

/**
 * Starts the collector and the shop. The collector's socket opens first (its address goes into
 * the shop's CSP and config); its app is created once the shop's origin is known for CORS.
 */
export async function startShopStack(options: StackOptions = {}): Promise<ShopStack> {
  const db = await openDatabase({ dataDir: 'memory://' })
  if (options.seed) await seed(db, { site: SITE, seed: 42, ...options.seed })
  let listener: Listener = (_req, res) => res.writeHead(503).end()
  const http = createServer((req, res) => listener(req, res))
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done))
  const collectorUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

  const shopModule = pathToFileURL(resolve(root, 'examples/shop/server.mjs')).href
  const { startShop } = (await import(shopModule)) as { startShop: StartShop }
  const shop = await startShop({ port: 0, host: '127.0.0.1', collectorUrl, vapidPublicKey: vapidPublicKey() })

  const adminToken = `e2e-${Math.random().toString(36).slice(2)}`
  const app = createApp({ db, adminToken, origins: [shop.url], rateLimit: false })
  listener = (await honoListener())(app.fetch)

  return {
    shopUrl: shop.url,
    collectorUrl,
    adminToken,
    db,
    async events(visitorId, ...types) {
      const { rows } = await db.query<StoredEvent>(
        `select id, type, ts, visitor_id, session_id, user_id, campaign_id, variant, url, props
         from events where site = $1 and visitor_id = $2 ${types.length ? 'and type = any($3)' : ''}
         order by ts, id`,
        types.length ? [SITE, visitorId, types] : [SITE, visitorId],
      )
      return rows
    },
    async report(query = {}) {
      const params = new URLSearchParams({ site: SITE, ...query })
      const res = await fetch(`${collectorUrl}/v1/report?${params}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
      if (!res.ok) throw new Error(`report: ${res.status} ${await res.text()}`)
      return res.json()
    },
    async close() {
      await shop.close()
      http.closeAllConnections()
      await new Promise((done) => http.close(done))
      await db.close()
    },
  }
}

/** The demo shop's campaign `id`, read from its real config. */
export async function shopCampaign(id: string): Promise<Campaign> {
  const { readFile } = await import('node:fs/promises')
  const config = JSON.parse(await readFile(SHOP_CONFIG, 'utf8')) as { campaigns: Campaign[] }
  const campaign = config.campaigns.find((c) => c.id === id)
  if (!campaign) throw new Error(`no campaign ${id} in ${SHOP_CONFIG}`)
  return campaign
}

/**
 * A visitor id (`e2e-<tag>-<n>`) that the core's own sticky bucketing (`pickVariant`) puts outside the holdout of
 * every listed campaign, so a spec sees the widget rather than a legitimate hold-out.
 */
export async function visitorShownAll(tag: string, ...campaignIds: string[]): Promise<string> {
  const campaigns = await Promise.all(campaignIds.map(shopCampaign))
  for (let i = 0; ; i++) {
    const id = `e2e-${tag}-${i}`
    if (campaigns.every((c) => !pickVariant(c, id).heldOut)) return id
  }
}

/**
 * Stores `visitorId` as this browser's Linger identity before any shop page loads: the core
 * keeps it in IndexedDB `linger`, store `identity`, key `identity`. Written from a same-origin
 * non-page URL (the config), so no Linger script runs meanwhile. The first shop page then
 * starts the first session of this visitor (lastActivityAt 0 is older than 30 minutes).
 */
export async function presetVisitor(page: Page, shopUrl: string, visitorId: string): Promise<void> {
  await page.goto(`${shopUrl}/linger.json`)
  await page.evaluate(
    (visitorId) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('linger', 1)
        open.onupgradeneeded = () => {
          for (const s of ['state', 'identity', 'cart', 'queue']) open.result.createObjectStore(s)
        }
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('identity', 'readwrite')
          tx.objectStore('identity').put(
            { visitorId, visitCount: 0, lastActivityAt: 0, sessionStartedAt: 0, pageviewsInSession: 0 },
            'identity',
          )
          tx.oncomplete = () => {
            open.result.close()
            done()
          }
          tx.onerror = () => fail(tx.error)
        }
      }),
    visitorId,
  )
}

/**
 * Waits until Linger on `page` has read the preset identity from IndexedDB and counted this
 * visit, and the `pageviews`th page view of the session (a later page of the visit: its own read).
 * Jumping a fake clock before then would also run out the store's open timeout, and Linger would
 * rightly go on in memory, as a new visitor.
 */
export async function lingerStarted(page: Page, pageviews = 1): Promise<void> {
  await expect
    .poll(
      async () => {
        const id = await storedIdentity(page)
        return (id?.visitCount ?? 0) >= 1 && (id?.pageviewsInSession ?? 0) >= pageviews
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true)
}

/**
 * The identity Linger stored on `page`'s origin, read only: a database that is not there (yet, or
 * right after a forget) is not created here, which would leave it without stores (reading it then
 * throws, and the read hangs holding a connection that blocks Linger from adding its stores).
 */
export const storedIdentity = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ visitorId: string; visitCount: number; pageviewsInSession: number } | undefined>(
        (done) => {
          const open = indexedDB.open('linger')
          open.onupgradeneeded = () => open.transaction?.abort()
          open.onerror = () => done(undefined)
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains('identity')) {
              db.close()
              return done(undefined)
            }
            const read = db.transaction('identity').objectStore('identity').get('identity')
            read.onsuccess = read.onerror = () => {
              db.close()
              done(read.result)
            }
          }
        },
      ),
  )

/** A CSP or Trusted Types complaint seen on a page: a `securitypolicyviolation` event or console error. */
export interface Violation {
  kind: 'securitypolicyviolation' | 'console' | 'pageerror'
  text: string
}

/**
 * Records every `securitypolicyviolation` (document, shadow roots — the event is composed — and
 * workers' reports surface as console errors), every console error and uncaught page error.
 * Call before the first navigation; read the returned array at the end.
 */
export async function watchViolations(page: Page): Promise<Violation[]> {
  const seen: Violation[] = []
  await page.exposeBinding('__lingerE2eViolation', (_source, text: string) =>
    seen.push({ kind: 'securitypolicyviolation', text }),
  )
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { __lingerE2eViolation(t: string): void }).__lingerE2eViolation(
          `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`,
        ),
      true,
    )
  })
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push({ kind: 'console', text: `${m.text()} @ ${m.location().url}` })
  })
  page.on('pageerror', (e) => seen.push({ kind: 'pageerror', text: String(e) }))
  return seen
}

/**
 * The seeded history every spec shares: a year of a small shop (2,000 visitors), so the
 * dashboard has real figures before a spec adds its visitor's answers and orders.
 */
export const SHOP_SEED = { visitors: 2000, months: 12, end: new Date('2026-12-01T00:00:00Z') }

/**
 * `test` with one shop + seeded collector per worker: starting PGlite and seeding take most of
 * a spec's time, and specs stay apart by using their own visitors.
 */
export const test = base.extend<object, { shop: ShopStack }>({
  shop: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const stack = await startShopStack({ seed: SHOP_SEED })
      await use(stack)
      await stack.close()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
})

export { expect } from '@playwright/test'
