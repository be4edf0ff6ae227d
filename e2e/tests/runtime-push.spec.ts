import type { Page } from '@playwright/test'
import { openApp, seenTypes as types } from '../support/targeting-open'
import { expect, test } from '../support/test'

const campaign = {
  id: 'push-optin',
  kind: 'push',
  trigger: { type: 'pageview' },
  vapidPublicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
  serviceWorker: '/targeting-sw.js',
  content: { title: 'Get restock alerts?', allow: 'Yes, notify me', deny: 'Not now' },
}

/** Chromium's push service (FCM) is unreachable here and subscribe() would hang: stand in for it. */
async function fakePushService(page: Page) {
  await page.addInitScript(() => {
    const sub = {
      endpoint: 'https://push.example/send/abc',
      toJSON: () => ({
        endpoint: 'https://push.example/send/abc',
        expirationTime: null,
        keys: { p256dh: 'p', auth: 'a' },
      }),
      unsubscribe: async () => true,
    }
    let subscribed = false
    PushManager.prototype.subscribe = async () => {
      subscribed = true
      return sub as unknown as PushSubscription
    }
    PushManager.prototype.getSubscription = async () =>
      subscribed ? (sub as unknown as PushSubscription) : null
  })
}

async function open(page: Page, url: string, extra = {}) {
  await openApp(page, url, { version: 1, site: 'e2e', campaigns: [{ ...campaign, ...extra }] })
}

test('permission already granted: subscribes silently, no prompt, the endpoint gets the subscription', async ({
  page,
  context,
  server,
}) => {
  await context.grantPermissions(['notifications'], { origin: server.url })
  await fakePushService(page)
  await open(page, server.url)
  await server.endpoint.waitFor(() =>
    server.endpoint.uniqueEvents().some((e) => e.type === 'push.subscribed'),
  )
  const sub = server.endpoint.uniqueEvents().find((e) => e.type === 'push.subscribed')!
  expect(sub).toMatchObject({
    campaignId: 'push-optin',
    props: { subscription: { endpoint: 'https://push.example/send/abc', keys: { p256dh: 'p', auth: 'a' } } },
  })
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await types(page)).not.toContain('push.prompted')
})

test('permission "default": the soft prompt shows first; the browser then denies (headless) → push.denied', async ({
  page,
  server,
}) => {
  await fakePushService(page)
  await open(page, server.url)
  const prompt = page.getByRole('dialog', { name: 'Get restock alerts?' })
  await expect(prompt).toBeVisible()
  await expect.poll(() => types(page)).toContain('push.prompted')
  await prompt.getByRole('button', { name: 'Yes, notify me' }).click()
  await expect.poll(() => types(page)).toContain('push.denied')
  expect(await types(page)).not.toContain('push.subscribed')
})

test('"Not now" emits push.dismissed and the prompt stays away on the next page', async ({
  page,
  server,
}) => {
  await fakePushService(page)
  // No per-session cap, so what keeps the prompt away is the push cooldown itself.
  await open(page, server.url, { frequency: { perSession: 99 } })
  const prompt = page.getByRole('dialog', { name: 'Get restock alerts?' })
  await prompt.getByRole('button', { name: 'Not now' }).click()
  await expect.poll(() => types(page)).toContain('push.dismissed')
  const logs: string[] = []
  page.on('console', (m) => logs.push(m.text()))
  await page.goto(`${server.url}/targeting-app.html?linger_debug=1`)
  await expect
    .poll(() => logs.join('\n'))
    .toMatch(/\[push-optin\] not shown \(pageview\): the visitor said "Not now"; asking again at/)
  await expect(page.locator('linger-widget')).toHaveCount(0)
})
