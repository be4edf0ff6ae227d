import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'
import { samples } from '../support/widgets-samples'

const events = (page: Page) => page.evaluate(() => window.events)

for (const [name, file] of [
  ['a hostile stylesheet', 'widgets-hostile.html'],
  ['a strict CSP', 'widgets-csp.html'],
] as const) {
  test(`widgets render and work on a page with ${name}`, async ({ page, server }) => {
    const blocked: string[] = []
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text())
    })
    await page.goto(`${server.url}/${file}`)
    await page.waitForFunction(() => window.harnessReady)
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.events.push({ type: `csp:${e.violatedDirective}` }),
      )
    })

    await page.evaluate((s) => window.mountCampaign(s), samples['popup-modal']!)
    const dialog = page.getByRole('dialog', { name: 'Wait — 10% off your first order' })
    await expect(dialog).toBeVisible()
    // Our styles applied, the page's didn't: white panel, 15 px text, fixed, centred, on top.
    await expect(dialog).toHaveCSS('background-color', 'rgb(255, 255, 255)')
    await expect(dialog).toHaveCSS('position', 'fixed')
    await expect(dialog.locator('p').first()).toHaveCSS('font-size', '15px')
    await expect(page.locator('linger-widget')).toHaveCSS('z-index', '2147483647')
    await expect(page.locator('linger-widget')).toHaveCSS('opacity', '1')
    const box = (await dialog.boundingBox())!
    expect(Math.round(box.x + box.width / 2)).toBe(640)
    expect(box.width).toBe(480)
    const cta = page.getByRole('link', { name: 'Shop now' })
    await expect(cta).toBeVisible()
    await expect(cta).not.toHaveCSS('background-color', 'rgb(0, 255, 0)')
    await expect(page.getByRole('button', { name: 'Close' })).toBeVisible()
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.keyboard.press('Escape')
    await expect(page.locator('linger-widget')).toHaveCount(0)

    await page.evaluate((s) => window.mountCampaign(s), samples.nps!)
    await page.getByRole('radio', { name: '10', exact: true }).click()
    await page.getByRole('textbox', { name: 'What do you love?' }).fill('All of it')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible()

    await page.evaluate((s) => window.mountCampaign(s), samples['popup-inline']!)
    await expect(
      page.locator('#slot linger-widget').getByRole('dialog', { name: 'Wait — 10% off' }),
    ).toBeVisible()
    await expect(
      page.locator('#slot linger-widget').getByRole('dialog', { name: 'Wait — 10% off' }),
    ).toHaveCSS('background-color', 'rgb(255, 255, 255)')

    expect(await events(page)).toEqual([
      { type: 'campaign.clicked', props: { action: 'copy-coupon' } },
      { type: 'close', reason: 'converted' },
      { type: 'survey.answered', props: { survey: 'nps', score: 10, scale: 10 } },
      { type: 'survey.answered', props: { survey: 'nps', score: 10, scale: 10, comment: 'All of it' } },
    ])
    expect(blocked).toEqual([])
  })
}

test('the CSP page really is strict: an inline style or script is refused there', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/widgets-csp.html`)
  await page.waitForFunction(() => window.harnessReady)
  const refused = await page.evaluate(async () => {
    const seen: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective))
    const style = document.createElement('style')
    style.textContent = 'body{background:red}'
    document.head.append(style)
    const script = document.createElement('script')
    script.textContent = 'window.__inline = 1'
    document.head.append(script)
    await new Promise((done) => setTimeout(done, 100))
    return { seen, ran: 'inline' in window || '__inline' in window }
  })
  expect(refused.ran).toBe(false)
  expect(refused.seen.sort()).toEqual(['script-src-elem', 'style-src-elem'])
})
