import type { Page } from '@playwright/test'
import { dashboardViewports, showSeededPeriod } from '../support/dashboardShots'
import { expect, test } from '../support/shop'

// Issue 22.3: the dashboard reads right on a laptop and on a phone — every table fits inside its
// card (on a phone its rows stack), the page never scrolls sideways, and no two labels of a
// chart's axis overlap or leave the chart.

/** Tables whose box leaves their card, or whose content is wider than their box. */
const tablesCutOff = (page: Page) =>
  page.$$eval('#report table', (tables) =>
    tables
      .map((table) => {
        const card = table.closest('section')!.getBoundingClientRect()
        const box = table.parentElement!
        const r = box.getBoundingClientRect()
        const fits =
          r.left >= card.left - 0.5 && r.right <= card.right + 0.5 && box.scrollWidth <= box.clientWidth + 1
        return fits ? null : box.closest('.table')?.querySelector('.caption')?.textContent
      })
      .filter(Boolean),
  )

/** Pairs of x-axis labels that overlap, and labels that stick out of their chart. */
const crowdedLabels = (page: Page) =>
  page.$$eval('#report svg', (charts) =>
    charts.flatMap((chart) => {
      const frame = chart.getBoundingClientRect()
      const boxes = [...chart.querySelectorAll('text')].map(
        (t) => [t.textContent, t.getBoundingClientRect()] as const,
      )
      const problems: string[] = []
      for (const [text, b] of boxes) {
        if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5)
          problems.push(`${text} leaves its chart`)
        if (b.height < 10) problems.push(`${text} is ${b.height}px high`)
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, p] = boxes[i]!
          const [b, q] = boxes[j]!
          if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
            problems.push(`${a} overlaps ${b}`)
        }
      return problems
    }),
  )

for (const [name, viewport] of Object.entries(dashboardViewports)) {
  test(`the dashboard fits a ${name} (${viewport.width} px): no table cut off, axis labels apart`, async ({
    browser,
    shop,
  }) => {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    await showSeededPeriod(page, shop)
    await expect(page.locator('#report table')).not.toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    )
    expect(await tablesCutOff(page)).toEqual([])
    expect(await page.locator('#report svg').count()).toBeGreaterThanOrEqual(4)
    expect(await crowdedLabels(page)).toEqual([])
    // The whole seeded year: 52 weeks and 12 months on the axes, thinned to fit.
    await page.getByLabel('From').fill('2025-12-01')
    const loaded = page.waitForResponse((r) => r.url().includes('from=2025-12-01'))
    await page.getByRole('button', { name: 'Show' }).click()
    await loaded
    await expect(page.locator('#status')).toHaveText('')
    expect(await page.locator('#nps circle').count()).toBeGreaterThan(50)
    expect(await crowdedLabels(page)).toEqual([])
    expect(await tablesCutOff(page)).toEqual([])
    await context.close()
  })
}
