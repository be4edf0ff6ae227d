import { expect, test } from '../support/shop'

// Issue 13: the collector's dashboard shows the retention section from seeded data (the same
// generator as `linger-collector seed`, 2,000 visitors over the year before 2026-12-01).

// Seeded days only (the shop specs add today's orders to the same database): the 90 days
// (the report's default activeDays) that end with October 2026.
const FROM = '2026-08-03'
const TO_INCLUSIVE = '2026-10-31'
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`)

test('the dashboard shows the retention section from seeded data', async ({ browser, shop }) => {
  const report = await shop.report({ from: FROM, to: '2026-11-01' })
  const r = report.retention!
  expect(r.orders).toBeGreaterThan(500)
  expect(r.customersStart).toBeGreaterThan(0)
  expect(r.cohorts.length).toBe(3)

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(`${shop.collectorUrl}/`)
  await page.getByLabel(/Admin token/).fill(shop.adminToken)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // It opens on the site the data has (the last 90 days) before this spec asks for its period.
  await expect(page.getByLabel('Site')).toHaveValue('demo-shop')
  await expect(page.locator('#nps .figure')).toBeVisible()
  await page.getByLabel('From').fill(FROM)
  await page.getByLabel('To (inclusive)').fill(TO_INCLUSIVE)
  const loaded = page.waitForResponse((r) => r.url().includes(`from=${FROM}`))
  await page.getByRole('button', { name: 'Show' }).click()
  await loaded

  const section = page.getByRole('region', { name: 'Retention' })
  await expect(section.getByRole('heading', { name: 'Retention', level: 2 })).toBeVisible()
  // The figures shown are the report's, formatted as the dashboard promises.
  const kpi = (name: string) => section.locator('dt', { hasText: name }).locator('+ dd strong')
  await expect(kpi('Customer retention rate (CRR)')).toHaveText(pct(r.crr))
  await expect(kpi('Churn')).toHaveText(pct(r.churn))
  await expect(kpi('Repeat purchase rate')).toHaveText(pct(r.repeatPurchaseRate))
  await expect(kpi('Customers')).toHaveText(`${r.customersStart} → ${r.customersEnd}`)
  await expect(kpi('Orders')).toHaveText(String(r.orders))
  await expect(section.getByRole('heading', { name: 'CRR and churn by month' })).toBeVisible()
  await expect(section.getByRole('heading', { name: 'Cohorts' })).toBeVisible()
  // One heat-map row per cohort month, each starting at 100 % in month 0.
  const cohortRows = section
    .locator('table', { has: page.getByRole('columnheader', { name: 'Month 0' }) })
    .locator('tbody tr')
  await expect(cohortRows).toHaveCount(r.cohorts.length)
  await expect(cohortRows.first()).toContainText(r.cohorts[0]!.cohort)
  await expect(cohortRows.first()).toContainText('100.0 %')
  await expect(section.getByRole('heading', { name: 'Segments' })).toBeVisible()

  expect(errors).toEqual([])
  await context.close()
})

// Over a period longer than activeDays, N includes new customers who lapsed again before `to`
// (not in E): CRR counts only the new ones still active, so it stays a share of S (the literal
// (E − N) / S gave −1251.9 % for 2026-01-01…2026-11-01 of this seed).
test('CRR over ten months stays a share of the customers active at the start', async ({ shop }) => {
  const r = (await shop.report({ from: '2026-01-01', to: '2026-11-01' })).retention!
  expect(r.customersStart).toBeGreaterThan(0)
  expect(r.crr).toBeGreaterThanOrEqual(0)
  expect(r.crr).toBeLessThanOrEqual(100)
})
