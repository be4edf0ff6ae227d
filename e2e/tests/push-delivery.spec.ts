/**
 * The delivery path, end to end: the page subscribes (browser side of the push service mocked),
 * the real collector stores the subscription and sends with web-push to the `web-push-testing`
 * mock push service, which decrypts it; the same payload goes to the real linger-sw.js through
 * CDP; its notification is "clicked"; the click reaches the collector. What is real and what is
 * mocked, and why: docs/push-testing.md.
 */
import { createApp, type Db, openDatabase } from '@linger/collector'
import { notificationFromPush } from '../../packages/embed/src/swPayload'
import {
  campaignId,
  deliverPush,
  generateVapidKeys,
  type MockPushService,
  mockBrowserSubscription,
  mountApp,
  queuedEvents,
  serveConfig,
  shownNotifications,
  site,
  startMockPushService,
  worker,
} from '../support/push-kit'
import { expect, test } from '../support/test'

// One collector database and one mock push service for the file: PGlite takes seconds to start.
test.describe.configure({ mode: 'serial' })

const admin = 'e2e-admin-token'
const vapid = { ...generateVapidKeys(), subject: 'mailto:push-e2e@example.com' }
let db: Db
let app: ReturnType<typeof createApp>
let mock: MockPushService

test.beforeAll(async () => {
  test.setTimeout(90_000)
  ;[db, mock] = await Promise.all([openDatabase({ dataDir: 'memory://' }), startMockPushService()])
  // The mock push service is http on loopback, which the collector refuses unless told it is a test service.
  app = createApp({ db, adminToken: admin, rateLimit: false, vapid, pushTestOrigins: [mock.url] })
})

test.afterAll(async () => {
  await mock?.close()
  await db?.close()
})

/** The operator's send command over HTTP: `POST /v1/push` (same `sendPush` as `linger-collector push`). */
async function send(message: Record<string, string>) {
  const res = await app.request('/v1/push', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site, campaign: campaignId, ...message }),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { targeted: number; sent: number; removed: number; failed: unknown[] }
}

const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows

test('collector send → mock push service decrypts it → linger-sw.js shows it → click → push.clicked at the collector; 410 deletes the subscription', async ({
  page,
  context,
  server,
}) => {
  test.setTimeout(60_000)
  const { subscription, clientHash } = await mock.subscribe(vapid.publicKey)
  serveConfig(server, vapid.publicKey, { endpoint: '/v1/batch' })
  mountApp(server, '/v1/batch', app)
  await mockBrowserSubscription(page, subscription)
  await context.grantPermissions(['notifications'], { origin: server.url })

  // 1. The page subscribes (granted already: silently) and the collector stores the subscription.
  await page.goto(`${server.url}/push-shop.html`)
  await expect
    .poll(() => rows('select endpoint, keys, site, campaign_id from push_subscriptions'), { timeout: 20_000 })
    .toEqual([{ endpoint: subscription.endpoint, keys: subscription.keys, site, campaign_id: campaignId }])
  expect(context.serviceWorkers().map((w) => new URL(w.url()).pathname)).toContain(worker)

  // 2. The collector sends; the mock push service checks VAPID, decrypts, and keeps the plaintext.
  const message = { title: 'Back in stock', body: 'The blue mug is back.', url: '/push-shop.html?from=push' }
  expect(await send(message)).toEqual({ targeted: 1, sent: 1, removed: 0, failed: [] })
  const received = await mock.notifications(clientHash)
  expect(received).toHaveLength(1)
  const decrypted = JSON.parse(received[0]!) as Record<string, unknown>
  expect(decrypted).toMatchObject(message)

  // 3. The same payload, as the browser's push service would hand it over, to the real worker.
  // It carries what linger-sw.js needs to show it and record the click: linger, site, campaignId.
  expect(decrypted).toMatchObject({ linger: true, site, campaignId })
  await deliverPush(page, JSON.stringify(decrypted))
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      {
        title: message.title,
        body: message.body,
        data: {
          linger: true,
          title: message.title,
          url: `${server.url}${message.url}`,
          site,
          campaignId,
        },
      },
    ])

  // 4. The click. Chromium has no way to click a notification from outside (no CDP command), so
  // the worker's own listener gets a NotificationEvent for the notification it showed.
  await page.goto(`${server.url}/blank.html`) // no linger.js here: the click must wait in IndexedDB
  const sw = context.serviceWorkers().find((w) => w.url().endsWith(worker))!
  await sw.evaluate(async () => {
    type Scope = {
      registration: { getNotifications(): Promise<Notification[]> }
      dispatchEvent(e: Event): boolean
    }
    type NotificationEventCtor = new (type: string, init: { notification: Notification }) => Event
    const scope = self as unknown as Scope
    const Ctor = (self as unknown as { NotificationEvent: NotificationEventCtor }).NotificationEvent
    const [notification] = await scope.registration.getNotifications()
    scope.dispatchEvent(new Ctor('notificationclick', { notification: notification! }))
  })
  await expect
    .poll(async () => (await queuedEvents(page)).filter((e) => e.type === 'push.clicked'))
    .toEqual([
      expect.objectContaining({
        type: 'push.clicked',
        site,
        campaignId,
        props: { url: `${server.url}${message.url}` },
      }),
    ])
  expect(await shownNotifications(page)).toEqual([]) // the handler closed it

  // 5. The next page with linger.js delivers the click to the collector.
  await page.goto(`${server.url}${message.url}`)
  await expect
    .poll(() => rows(`select campaign_id, props, site from events where type = 'push.clicked'`), {
      timeout: 20_000,
    })
    .toEqual([{ campaign_id: campaignId, props: { url: `${server.url}${message.url}` }, site }])

  // 6. The push service expires the subscription: the next send gets 410 and the collector deletes it.
  await mock.expire(clientHash)
  expect(await send(message)).toEqual({ targeted: 1, sent: 0, removed: 1, failed: [] })
  expect(await rows('select endpoint from push_subscriptions')).toEqual([])
  expect(await send(message)).toEqual({ targeted: 0, sent: 0, removed: 0, failed: [] })
})

test('the collector payload carries what linger-sw.js needs (linger, site, campaignId)', async () => {
  const { subscription, clientHash } = await mock.subscribe(vapid.publicKey)
  const batch = {
    site,
    sentAt: new Date().toISOString(),
    events: [
      {
        id: `sub-${clientHash.slice(0, 12)}`,
        type: 'push.subscribed',
        ts: new Date().toISOString(),
        site,
        visitorId: 'v-bug',
        sessionId: 's-bug',
        campaignId,
        url: 'http://127.0.0.1/push-shop.html',
        props: { subscription },
      },
    ],
  }
  const stored = await app.request('/v1/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  })
  expect(stored.status).toBe(200)
  const res = await app.request('/v1/push', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site, visitor: 'v-bug', title: 'Hi', url: '/push-shop.html' }),
  })
  expect(await res.json()).toMatchObject({ sent: 1 })
  const [payload] = await mock.notifications(clientHash)
  // The worker's own acceptance function: undefined means "not Linger's, ignored".
  const shown = notificationFromPush(JSON.parse(payload!), 'http://127.0.0.1')
  expect(shown?.options.data).toMatchObject({ linger: true, site, campaignId })
})
