import { expect, test } from '../support/test'

test('the npm example: an SPA route change re-evaluates URL targeting and counts a page view', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/examples/vite-app/index.html`)
  await expect(page.getByText('Welcome.')).toBeVisible()
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'page.viewed'))
  // Not on /pricing yet: the campaign must not be showing.
  await expect(page.locator('linger-widget')).toHaveCount(0)

  await page.getByRole('link', { name: 'Pricing' }).click()
  await expect(page.getByRole('heading', { name: 'Questions about pricing?' })).toBeVisible()

  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.shown'))
  const events = server.endpoint.uniqueEvents()
  const views = events.filter((e) => e.type === 'page.viewed').map((e) => new URL(String(e.url)).pathname)
  expect(views).toEqual(['/examples/vite-app/index.html', '/pricing'])
  expect(events.find((e) => e.type === 'campaign.shown')).toMatchObject({ campaignId: 'pricing-help' })
  expect(events.some((e) => e.type === 'route.rendered')).toBe(true)
})
