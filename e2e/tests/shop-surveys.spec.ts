import type { Browser, Page } from '@playwright/test'
import {
  expect,
  lingerStarted,
  presetVisitor,
  type ShopStack,
  test,
  visitorShownAll,
  watchViolations,
} from '../support/shop'

// Issue 7 through the demo shop against the real collector: a visitor answers the NPS survey (on
// the cart page) and the CSAT survey (on the order page), and the collector's dashboard shows
// the new figures. Issue 10: no CSP or
// Trusted Types violation on the shop while the widgets open and the events go out.

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

interface Figures {
  score: string
  facts: Record<string, number>
}

/** The dashboard signed in with the admin token, showing the seeded year up to now. */
async function openDashboard(browser: Browser, shop: ShopStack): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
  const page = await context.newPage()
  await page.goto(`${shop.collectorUrl}/`)
  await page.getByLabel(/Admin token/).fill(shop.adminToken)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // It opens on the site the data has (the last 90 days) before this spec asks for its period.
  await expect(page.getByLabel('Site')).toHaveValue('demo-shop')
  await expect(page.locator('#nps .figure')).toBeVisible()
  await page.getByLabel('From').fill('2025-12-01')
  // The shop's fake clock runs a few minutes ahead; the form's "to" is inclusive.
  await page.getByLabel('To (inclusive)').fill(iso(Date.now() + 2 * 86_400_000))
  return page
}

/** Submits the dashboard's query and reads a section's headline figure and its facts list. */
async function show(dashboard: Page): Promise<Record<'nps' | 'csat', Figures>> {
  const loaded = dashboard.waitForResponse((r) => r.url().includes('/v1/report'))
  await dashboard.getByRole('button', { name: 'Show' }).click()
  await loaded
  await expect(dashboard.getByRole('status')).toHaveText('')
  const read = async (id: string): Promise<Figures> => {
    const section = dashboard.locator(`#${id}`)
    const score = (await section.locator('.figure').evaluate((p) => p.firstChild?.textContent ?? '')).trim()
    const facts: Record<string, number> = {}
    for (const li of await section.locator('.facts').first().locator('li').all()) {
      const [name, value] = (await li.textContent())!.split(': ')
      facts[name!] = Number(value)
    }
    return { score, facts }
  }
  return { nps: await read('nps'), csat: await read('csat') }
}

test('a visitor answers NPS and CSAT in the shop: the dashboard shows the new figures', async ({
  page,
  browser,
  shop,
}) => {
  const dashboard = await openDashboard(browser, shop)
  const before = await show(dashboard)
  expect(before.nps.facts.answers).toBeGreaterThan(0) // the seeded year

  const violations = await watchViolations(page)
  const visitor = await visitorShownAll('surveys')
  await page.clock.install()
  await presetVisitor(page, shop.shopUrl, visitor)
  const widget = page.locator('linger-widget')
  const dialog = widget.getByRole('dialog')

  // Shopping: a mug in the cart, then the cart page. Time moves in steps: linger.js arms its
  // timers once it has loaded, read its config and storage.
  const until = async (shown: ReturnType<typeof dialog.getByRole>) =>
    expect
      .poll(async () => {
        await page.clock.fastForward(2_000)
        return shown.isVisible()
      })
      .toBe(true)
  await page.goto(`${shop.shopUrl}/products/mug`)
  await lingerStarted(page)
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await page.getByRole('link', { name: 'Cart (1)' }).click()
  // The cart page has read the visitor before its clock jumps: else its store's open times out and
  // it goes on as a new visitor, whose answers the collector files under another id.
  await lingerStarted(page, 2)
  // 8 s on the cart page: the NPS survey. A 9 is a promoter; the follow-up asks why.
  await until(dialog.getByRole('heading', { name: 'How likely are you to recommend us to a friend?' }))
  await dialog.getByRole('radio', { name: '9' }).click()
  await dialog.getByLabel('What do you love?').fill('The mugs')
  await dialog.getByRole('button', { name: /send/i }).click()
  await expect(dialog.getByRole('heading')).toHaveText('Thank you for your feedback!')
  await dialog.getByRole('button', { name: /close/i }).click()
  await expect(widget).toHaveCount(0)
  // The score at once, the comment as a second event with the same score.
  const answers = async () =>
    (await shop.events(visitor, 'survey.answered')).map((e) => [
      e.campaign_id,
      e.props.score,
      e.props.comment,
    ])
  const nps = [
    ['nps-main', 9, undefined],
    ['nps-main', 9, 'The mugs'],
  ]
  await expect.poll(answers, { timeout: 20_000 }).toEqual(nps)

  await page.getByRole('link', { name: 'Checkout' }).click()
  await page.getByLabel('Email').fill('grace@example.com')
  await page.getByRole('button', { name: 'Place order' }).click()

  // The order page: 6 s on, the CSAT survey. 4 of 5 stars is satisfied; no comment this time (see below).
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible()
  await lingerStarted(page, 4) // product, cart, checkout, order
  await until(dialog.getByRole('heading', { name: 'How was your checkout?' }))
  await dialog.getByRole('radio', { name: '4 of 5' }).click()
  await expect(dialog.getByLabel('Anything we could improve?')).toBeVisible()
  await dialog.getByRole('button', { name: /close/i }).click()
  await expect(widget).toHaveCount(0)

  await expect.poll(answers, { timeout: 20_000 }).toEqual([...nps, ['csat-order', 4, undefined]])

  // Shown by its time trigger, 8 s after the cart page's view (the shop's clock is Linger's clock).
  const events = await shop.events(visitor, 'page.viewed', 'campaign.shown')
  const shown = events.find((e) => e.type === 'campaign.shown' && e.campaign_id === 'nps-main')!
  const cartView = events.find((e) => e.type === 'page.viewed' && e.url.endsWith('/cart'))!
  expect(shown.props.trigger).toBe('time')
  expect(Date.parse(shown.ts) - Date.parse(cartView.ts)).toBeGreaterThanOrEqual(8_000)

  // The dashboard, asked again: one more answer each, and the scores recomputed with them.
  const after = await show(dashboard)
  const n = before.nps.facts
  expect(after.nps.facts).toEqual({ ...n, answers: n.answers! + 1, promoters: n.promoters! + 1 })
  const score = ((n.promoters! + 1 - n.detractors!) / (n.answers! + 1)) * 100
  expect(after.nps.score).toBe(score.toFixed(1))
  expect(after.nps.score).not.toBe(before.nps.score)
  const c = before.csat.facts
  expect(after.csat.facts).toEqual({
    answers: c.answers! + 1,
    'satisfied (4–5)': c['satisfied (4–5)']! + 1,
  })
  expect(after.csat.score).toBe((((c['satisfied (4–5)']! + 1) / (c.answers! + 1)) * 100).toFixed(1))
  await dashboard.context().close()

  expect(violations.filter((v) => !/\/favicon\.ico\b/.test(v.text))).toEqual([])
})

// The widget sends a CSAT comment as a second `survey.answered` with the same score: the
// report counts the latest answer per visitor, session and campaign, so the rating counts once.
test('a CSAT rating with a comment counts once on the dashboard', async ({ page, browser, shop }) => {
  const dashboard = await openDashboard(browser, shop)
  const before = (await show(dashboard)).csat.facts
  const violations = await watchViolations(page)
  const visitor = await visitorShownAll('csat-comment')
  await presetVisitor(page, shop.shopUrl, visitor)
  // Back from the order confirmation e-mail: the order page is this visit's first page.
  await page.goto(`${shop.shopUrl}/order/order-e2e-1`)
  const dialog = page.locator('linger-widget').getByRole('dialog')
  await dialog.getByRole('radio', { name: '5 of 5' }).click()
  await dialog.getByLabel('Anything we could improve?').fill('Nothing, thanks')
  await dialog.getByRole('button', { name: /send/i }).click()
  await expect.poll(async () => (await shop.events(visitor, 'survey.answered')).length).toBe(2)
  const after = (await show(dashboard)).csat.facts
  await dashboard.context().close()
  expect(violations.filter((v) => !/\/favicon\.ico\b/.test(v.text))).toEqual([])
  expect(after.answers).toBe(before.answers! + 1)
})
