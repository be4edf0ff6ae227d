import type { BrowserContext, Page } from '@playwright/test'
import { leaveThroughTop } from '../support/leaveThroughTop'
import { openApp } from '../support/targeting-open'
import { expect, test } from '../support/test'

const campaigns = [
  {
    id: 'exit-offer',
    kind: 'popup',
    trigger: { type: 'exit-intent' },
    content: { title: 'Wait — 10% off', coupon: 'WELCOME10' },
  },
  {
    id: 'cart-rescue',
    kind: 'popup',
    priority: 10,
    trigger: { type: 'cart-abandon', on: ['exit-intent'], minValue: 20 },
    content: { title: 'You left {{cart.count}} items ({{cart.value}})' },
  },
]

async function open(page: Page, url: string) {
  // The fake clock flows in real time; runFor lets the sensors' minimum time and grace pass on command.
  await page.clock.install()
  await openApp(page, url, { version: 1, site: 'e2e', locale: 'en-US', campaigns })
  await page.clock.runFor(4000)
}

/** Down into the page, then up and out through the top edge, toward the tabs. */
async function leave(page: Page) {
  await leaveThroughTop(page, { fakeClock: true })
  await page.clock.runFor(1000)
}

test('exit intent with an empty cart shows the exit offer', async ({ page, server }) => {
  await open(page, server.url)
  await leave(page)
  await expect(page.getByRole('dialog', { name: 'Wait — 10% off' })).toBeVisible()
  await expect(page.locator('linger-widget')).toHaveCount(1)
})

test('exit intent with a full cart (from the data layer) shows the cart rescue instead, with the cart in its text', async ({
  page,
  server,
}) => {
  await open(page, server.url)
  await page.evaluate(() => {
    const w = window as unknown as { dataLayer: unknown[] }
    w.dataLayer.push({ ecommerce: null })
    w.dataLayer.push({
      event: 'add_to_cart',
      ecommerce: {
        currency: 'EUR',
        value: 30,
        items: [{ item_id: 'sku-1', item_name: 'Mug', price: 15, quantity: 2 }],
      },
    })
  })
  await leave(page)
  await expect(page.getByRole('dialog', { name: 'You left 2 items (€30.00)' })).toBeVisible()
  await expect(page.locator('linger-widget')).toHaveCount(1)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.shown'))
  expect(server.endpoint.uniqueEvents().find((e) => e.type === 'campaign.shown')).toMatchObject({
    campaignId: 'cart-rescue',
    props: { trigger: 'exit-intent' },
  })
})

test("the campaign's graceMs holds the pop-up back, and a pointer coming back in time cancels it", async ({
  page,
  server,
}) => {
  await page.clock.install()
  const slow = { ...campaigns[0], trigger: { type: 'exit-intent', graceMs: 2000 } }
  await openApp(page, server.url, { version: 1, site: 'e2e', locale: 'en-US', campaigns: [slow] })
  await page.clock.runFor(4000)
  const leftAt = await page.evaluate(() => Date.now())
  await leave(page) // 1 s out: still inside the 2 s grace
  await page.mouse.move(300, 200, { steps: 2 }) // back in: cancels
  await page.clock.runFor(3000)
  await leave(page)
  await page.clock.runFor(1500)
  await expect(page.getByRole('dialog', { name: 'Wait — 10% off' })).toBeVisible()
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.shown'))
  const shown = server.endpoint.uniqueEvents().filter((e) => e.type === 'campaign.shown')
  // Shown once, by the second exit: the first was cancelled, not merely late.
  expect(shown).toHaveLength(1)
  expect(Date.parse(shown[0]!.ts as string) - leftAt).toBeGreaterThanOrEqual(4000 + 2000)
})

/** A GA4 data-layer push, as the shop's pages make them. */
const push = (page: Page, event: string, ecommerce: Record<string, unknown>) =>
  page.evaluate(
    ([event, ecommerce]) => {
      const w = window as unknown as { dataLayer: unknown[] }
      w.dataLayer.push({ ecommerce: null })
      w.dataLayer.push({ event, ecommerce })
    },
    [event, ecommerce] as const,
  )
const addToCart = (page: Page, item_id: string, item_name: string, price: number) =>
  push(page, 'add_to_cart', {
    currency: 'EUR',
    value: price,
    items: [{ item_id, item_name, price, quantity: 1 }],
  })

/** Counts, in `page`, the cart states other tabs announce (on the channel Linger's tabs share). */
async function hearCart(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { heard: number }
    w.heard = 0
    new BroadcastChannel('linger-tabs').onmessage = (e) => e.data?.cartState && w.heard++
  })
  return () => page.evaluate(() => (window as unknown as { heard: number }).heard)
}

/** Two tabs of the site, each with Linger running and past the sensors' minimum time. */
async function twoTabs(context: BrowserContext, url: string): Promise<[Page, Page]> {
  const tabs: [Page, Page] = [await context.newPage(), await context.newPage()]
  for (const tab of tabs) await open(tab, url)
  return tabs
}

test('a cart filled in two tabs adds up: the reminder in either tab names both items', async ({
  context,
  server,
}) => {
  const [a, b] = await twoTabs(context, server.url)
  const heardInB = await hearCart(b)
  await addToCart(a, 'sku-1', 'Mug', 15)
  await expect.poll(heardInB).toBeGreaterThan(0)
  await addToCart(b, 'sku-2', 'Tee', 20)
  await leave(b)
  await expect(b.getByRole('dialog', { name: 'You left 2 items (€35.00)' })).toBeVisible()
})

test('a cart bought in one tab is not recalled in another: that tab shows the plain exit offer', async ({
  context,
  server,
}) => {
  const [a, b] = await twoTabs(context, server.url)
  const [heardInA, heardInB] = [await hearCart(a), await hearCart(b)]
  // Filled in tab B, bought in tab A (say, the checkout was open there).
  await addToCart(b, 'sku-1', 'Mug', 30)
  await expect.poll(heardInA).toBeGreaterThan(0)
  const heard = await heardInB()
  await push(a, 'purchase', { transaction_id: 'o-1', currency: 'EUR', value: 30, items: [] })
  await expect.poll(heardInB).toBeGreaterThan(heard)
  await leave(b)
  await expect(b.getByRole('dialog', { name: 'Wait — 10% off' })).toBeVisible()
  await expect(b.locator('linger-widget')).toHaveCount(1)
})
