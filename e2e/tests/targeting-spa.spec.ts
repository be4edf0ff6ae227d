import { openApp } from '../support/targeting-open'
import { expect, test } from '../support/test'

test('an SPA route change re-evaluates URL rules, counts a page view and re-arms triggers', async ({
  page,
  server,
}) => {
  await openApp(page, server.url, {
    version: 1,
    site: 'e2e',
    campaigns: [
      {
        id: 'pricing-help',
        kind: 'popup',
        layout: 'slide-in',
        trigger: { type: 'pageview' },
        audience: { url: { include: ['/pricing'] } },
        content: { title: 'Questions about pricing?' },
      },
    ],
  })
  await expect(page.locator('linger-widget')).toHaveCount(0)
  await page.evaluate(() => history.pushState({}, '', '/pricing'))
  await expect(page.getByRole('dialog', { name: 'Questions about pricing?' })).toBeVisible()
  // The queue flushes on its own (every 5 s): no need to leave the page.
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.shown'))
  const events = server.endpoint.uniqueEvents()
  expect(events.filter((e) => e.type === 'page.viewed').map((e) => new URL(String(e.url)).pathname)).toEqual([
    '/targeting-app.html',
    '/pricing',
  ])
  expect(events.find((e) => e.type === 'campaign.shown')).toMatchObject({
    campaignId: 'pricing-help',
    url: `${server.url}/pricing`,
  })
})
