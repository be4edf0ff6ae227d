import { openApp, seen, seenTypes } from '../support/targeting-open'
import { expect, test } from '../support/test'

const popup = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'popup',
  layout: 'slide-in',
  trigger: { type: 'pageview' },
  content: { title: `Offer ${id}`, cta: { label: 'Take it', action: 'close' } },
  ...extra,
})
const config = (campaigns: unknown[]) => ({ version: 1, site: 'e2e', campaigns })

test('a dismissal cap holds across reloads (real IndexedDB), and debug mode says until when', async ({
  page,
  server,
}) => {
  const logs: string[] = []
  page.on('console', (m) => logs.push(m.text()))
  await openApp(page, server.url, config([popup('exit', { frequency: { afterDismissDays: 7 } })]))
  const dialog = page.getByRole('dialog', { name: 'Offer exit' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(() => seenTypes(page)).toContain('campaign.dismissed')
  await page.goto(`${server.url}/targeting-app.html?linger_debug=1`)
  await expect
    .poll(() => logs.find((l) => l.includes('[exit] not shown')))
    .toMatch(/dismissed recently; it may show again at \d{4}-\d\d-\d\dT.* \(frequency\.afterDismissDays\)/)
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await seenTypes(page)).toEqual(['page.viewed'])
})

test('variants are sticky across reloads and in a new context with the same storage', async ({
  page,
  server,
  browser,
}) => {
  const variants = [
    { id: 'a', weight: 50, content: { title: 'Variant A' } },
    { id: 'b', weight: 50, content: { title: 'Variant B' } },
  ]
  const campaign = popup('ab', { variants, frequency: { perSession: 99 } })
  await openApp(page, server.url, config([campaign]))
  await expect.poll(() => seenTypes(page)).toContain('campaign.shown')
  const first = (await seen(page)).find((e) => e.type === 'campaign.shown')!
  const title = `Variant ${first.variant!.toUpperCase()}`
  await expect(page.getByRole('dialog', { name: title })).toBeVisible()
  for (let i = 0; i < 2; i++) {
    await page.reload()
    await expect(page.getByRole('dialog', { name: title })).toBeVisible()
  }
  const state = await page.context().storageState({ indexedDB: true })
  const again = await browser.newContext({ storageState: state })
  const other = await again.newPage()
  await openApp(other, server.url, config([campaign]))
  await expect(other.getByRole('dialog', { name: title })).toBeVisible()
  const shown = (await seen(other)).find((e) => e.type === 'campaign.shown')!
  expect(shown).toMatchObject({ visitorId: first.visitorId, variant: first.variant })
  await again.close()
})

test('a held-out visitor sees nothing and the endpoint receives campaign.held-out', async ({
  page,
  server,
}) => {
  await openApp(page, server.url, config([popup('lift', { holdout: 100 })]))
  await expect.poll(() => seenTypes(page)).toContain('campaign.held-out')
  await expect(page.locator('linger-widget')).toHaveCount(0)
  await server.endpoint.waitFor(() =>
    server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.held-out'),
  )
  const held = server.endpoint.uniqueEvents().find((e) => e.type === 'campaign.held-out')!
  expect(held).toMatchObject({ campaignId: 'lift', site: 'e2e' })
  expect(server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.shown')).toBe(false)
})

test('?linger_preview= shows a campaign at once, ignoring targeting', async ({ page, server }) => {
  const hidden = popup('qa', { trigger: { type: 'manual' }, audience: { url: { include: ['/nowhere'] } } })
  await openApp(page, server.url, config([hidden]), '?linger_preview=qa')
  await expect(page.getByRole('dialog', { name: 'Offer qa' })).toBeVisible()
})

test('?linger_debug=1 logs, per campaign, why it did or did not show', async ({ page, server }) => {
  const logs: string[] = []
  page.on('console', (m) => m.type() === 'info' && logs.push(m.text()))
  const campaigns = [
    popup('blog-only', { audience: { url: { include: ['/blog/*'] } } }),
    popup('later', { trigger: { type: 'exit-intent' } }),
    popup('mobile-only', { trigger: { type: 'exit-intent' }, audience: { device: ['mobile'] } }),
  ]
  await openApp(page, server.url, config(campaigns), '?linger_debug=1')
  const all = () => logs.join('\n')
  await expect
    .poll(all)
    .toContain(
      'linger [blog-only] not shown (init): the page URL matches none of the include rules (audience.url.include)',
    )
  await expect.poll(all).toContain('linger [later] eligible; waiting for its trigger (exit-intent)')
  await expect
    .poll(all)
    .toContain(
      `linger [mobile-only] not shown (init): the device is "desktop", not one of the audience's devices`,
    )
})
