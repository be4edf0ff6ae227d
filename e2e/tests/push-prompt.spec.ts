/**
 * Web push opt-in on a plain page with the script tag (linger.js + linger-sw.js as built), in
 * real Chromium: soft prompt, the browser's permission, the real service worker, the real
 * `pushManager.subscribe` where it can run. What is real and what is mocked: docs/push-testing.md.
 */
import {
  campaignId,
  generateVapidKeys,
  launchPersistent,
  mockBrowserSubscription,
  prompt,
  serveConfig,
  startMockPushService,
  worker,
} from '../support/push-kit'
import { expect, test } from '../support/test'

type Sent = { type: string; campaignId?: string; ts: string; props: Record<string, unknown> }

test('soft prompt → allow → worker active → the real subscribe(): offline it ends in push.failed and the page keeps working', async ({
  server,
}, info) => {
  test.setTimeout(60_000)
  const { publicKey } = generateVapidKeys()
  serveConfig(server, publicKey)
  // A profile on disk: only there does Chromium really try its push service (incognito refuses).
  const browser = await launchPersistent()
  try {
    const { context } = browser
    const page = context.pages()[0] ?? (await context.newPage())
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}/push-shop.html`)
    const dialog = page.getByRole('dialog', { name: prompt.title })
    await expect(dialog).toBeVisible()
    const sent = () => server.endpoint.uniqueEvents() as unknown as Sent[]
    await server.endpoint.waitFor(() => sent().some((e) => e.type === 'push.prompted'))
    expect(sent().find((e) => e.type === 'push.prompted')?.campaignId).toBe(campaignId)

    // The visitor says yes in the soft prompt and then in the browser's dialog; headless Chromium
    // cannot show that dialog (it auto-denies), so the test grants what the visitor would.
    await context.grantPermissions(['notifications'], { origin: server.url })
    const registered = context.waitForEvent('serviceworker', { timeout: 15_000 })
    const clickedAt = Date.now()
    await dialog.getByRole('button', { name: prompt.allow }).click()
    expect(new URL((await registered).url()).pathname).toBe(worker)
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.state),
      )
      .toBe('activated')

    // pushManager.subscribe() now talks to the real push service (FCM) — or cannot.
    await server.endpoint.waitFor(
      () => sent().some((e) => e.type === 'push.failed' || e.type === 'push.subscribed'),
      30_000,
    )
    const subscribed = sent().find((e) => e.type === 'push.subscribed')
    if (subscribed) {
      // Online: a real FCM subscription reached the endpoint (never happens on the offline CI machine).
      info.annotations.push({ type: 'push service', description: 'reachable: real subscription sent' })
      const sub = subscribed.props.subscription as { endpoint: string; keys: Record<string, string> }
      expect(sub.endpoint).toMatch(/^https:\/\//)
      expect(Object.keys(sub.keys).sort()).toEqual(['auth', 'p256dh'])
      await expect(dialog.getByRole('status')).toHaveText('Subscribed')
    } else {
      const failed = sent().find((e) => e.type === 'push.failed')!
      const reason = failed.props.reason as string
      info.annotations.push({
        type: 'push service',
        description: `unreachable: push.failed reason "${reason}"`,
      })
      expect(failed.campaignId).toBe(campaignId)
      expect(reason).toMatch(/\S/)
      // Offline Chromium never settles subscribe(): the SDK's 10 s timeout is what ends it.
      if (reason === 'timeout') expect(Date.parse(failed.ts) - clickedAt).toBeGreaterThanOrEqual(9_000)
      await expect(dialog.getByRole('status')).toHaveText('Failed')
    }

    // The page keeps working: its own script, and later linger calls still reach the endpoint.
    await page.getByRole('button', { name: 'Still works' }).click()
    await expect(page.locator('#clicks')).toHaveText('1')
    await page.evaluate(() =>
      (window as unknown as { linger: (...a: unknown[]) => void }).linger('track', 'after-push', { ok: 1 }),
    )
    await server.endpoint.waitFor(() => sent().some((e) => e.type === 'after-push'))
    expect(errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('incognito: Chromium refuses subscribe() at once → push.failed carries the browser reason', async ({
  page,
  context,
  server,
}) => {
  const { publicKey } = generateVapidKeys()
  serveConfig(server, publicKey)
  await page.goto(`${server.url}/push-shop.html`)
  const dialog = page.getByRole('dialog', { name: prompt.title })
  await expect(dialog).toBeVisible()
  await context.grantPermissions(['notifications'], { origin: server.url })
  await dialog.getByRole('button', { name: prompt.allow }).click()
  const sent = () => server.endpoint.uniqueEvents() as unknown as Sent[]
  await server.endpoint.waitFor(() => sent().some((e) => e.type === 'push.failed'))
  const failed = sent().find((e) => e.type === 'push.failed')!
  expect(failed.campaignId).toBe(campaignId)
  // The browser's own words (name: message), not a timeout: this refusal is immediate.
  expect(failed.props.reason).toMatch(/^AbortError: /)
  expect(sent().some((e) => e.type === 'push.subscribed')).toBe(false)
  await expect(dialog.getByRole('status')).toHaveText('Failed')
})

test('denied: headless Chromium refuses the permission → push.denied; the next page does not prompt again', async ({
  page,
  server,
}) => {
  const { publicKey } = generateVapidKeys()
  // Several prompts per session allowed, so only the denial can keep the second one away.
  serveConfig(server, publicKey, { campaign: { frequency: { perSession: 10 } } })
  await page.goto(`${server.url}/push-shop.html`)
  const dialog = page.getByRole('dialog', { name: prompt.title })
  await dialog.getByRole('button', { name: prompt.allow }).click()
  const sent = () => server.endpoint.uniqueEvents() as unknown as Sent[]
  await server.endpoint.waitFor(() => sent().some((e) => e.type === 'push.denied'))
  expect(sent().find((e) => e.type === 'push.denied')?.campaignId).toBe(campaignId)
  await expect(dialog.getByRole('status')).toHaveText('Blocked')
  expect(await page.evaluate(() => Notification.permission)).toBe('denied')

  // Next page: the campaign's pageview trigger fires again, and the gate says no.
  const logs: string[] = []
  page.on('console', (m) => logs.push(m.text()))
  await page.goto(`${server.url}/push-shop.html?linger_debug=1`)
  await expect
    .poll(() => logs.join('\n'))
    .toMatch(new RegExp(`\\[${campaignId}\\] not shown \\(pageview\\): notifications are blocked`))
  await page.evaluate(() =>
    (window as unknown as { linger: (...a: unknown[]) => void }).linger('track', 'second-page-done'),
  )
  await server.endpoint.waitFor(() => sent().some((e) => e.type === 'second-page-done'))
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(sent().filter((e) => e.type === 'page.viewed')).toHaveLength(2)
  expect(sent().filter((e) => e.type === 'push.prompted')).toHaveLength(1)
})

test('already granted, the browser reports a subscription → push.subscribed carries exactly it, no prompt', async ({
  page,
  context,
  server,
}) => {
  const mock = await startMockPushService()
  try {
    const { publicKey } = generateVapidKeys()
    const { subscription } = await mock.subscribe(publicKey)
    serveConfig(server, publicKey)
    await mockBrowserSubscription(page, subscription)
    await context.grantPermissions(['notifications'], { origin: server.url })
    await page.goto(`${server.url}/push-shop.html`)
    const sent = () => server.endpoint.uniqueEvents() as unknown as Sent[]
    await server.endpoint.waitFor(() => sent().some((e) => e.type === 'push.subscribed'))
    const events = sent().filter((e) => e.type === 'push.subscribed')
    expect(events).toHaveLength(1)
    expect(events[0]!.campaignId).toBe(campaignId)
    expect(events[0]!.props.subscription).toEqual(subscription)
    // The SDK asked for the campaign's VAPID key (the push service checks it on every send).
    expect(await page.evaluate(() => (window as unknown as { __subscribeKey: string }).__subscribeKey)).toBe(
      publicKey,
    )
    // Silent: no soft prompt when the browser already allows notifications.
    await expect(page.locator('linger-widget')).toHaveCount(0)
    expect(sent().some((e) => e.type === 'push.prompted')).toBe(false)
  } finally {
    await mock.close()
  }
})
