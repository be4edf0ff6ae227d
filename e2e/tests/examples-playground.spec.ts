import { startShop } from '../../examples/shop/server.mjs'
import { redos } from '../../packages/core/test/config/redos'
import { expect, test } from '../support/test'

// The playground is served by the demo shop's server at /playground/ (built by `pnpm run build`).
let shop: { url: string; close(): Promise<void> }
test.beforeAll(async () => {
  shop = await startShop({ port: 0 })
})
test.afterAll(() => shop.close())

test('playground: a broken field shows its path-named error; a valid edit re-renders the preview', async ({
  page,
}) => {
  await page.goto(`${shop.url}/playground/`)
  const editor = page.getByRole('textbox', { name: 'Config JSON' })
  await expect(page.getByText('Valid: 5 campaigns.')).toBeVisible()

  // Break one field: the error names its path and what was expected; the other campaigns stay.
  const valid = await editor.inputValue()
  const config = JSON.parse(valid)
  config.campaigns[2].trigger.seconds = '20s'
  await editor.fill(JSON.stringify(config, null, 2))
  const problem = page.locator('#problems li').filter({ hasText: 'campaigns[2].trigger.seconds' })
  await expect(problem).toContainText('expected a number')
  await expect(problem).toContainText('"20s"')
  await expect(page.getByRole('button', { name: 'Preview nps-main' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Preview exit-offer' })).toBeVisible()

  // Clicking the error's line button selects the field in the editor.
  await problem.getByRole('button').click()
  const selected = await editor.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd),
  )
  expect(selected).toBe('"20s"')

  // A valid edit: the preview frames render the edited text with the real widgets.
  config.campaigns[2].trigger.seconds = 20
  config.campaigns[0].content.title = 'Edited in the playground'
  await editor.fill(JSON.stringify(config, null, 2))
  await expect(page.getByText('Valid: 5 campaigns.')).toBeVisible()
  await page.getByRole('button', { name: 'Preview exit-offer' }).click()
  for (const title of ['Desktop preview', 'Mobile preview']) {
    const frame = page.frameLocator(`iframe[title="${title}"]`)
    await expect(frame.getByRole('heading', { name: 'Edited in the playground' })).toBeVisible()
  }
  // Simulating "cart with 3 items" + exit intent shows the cart campaign with its variables filled.
  await page.getByRole('checkbox', { name: 'Cart with 3 items' }).check()
  await page.getByRole('button', { name: 'idle' }).click()
  const desktop = page.frameLocator('iframe[title="Desktop preview"]')
  await expect(desktop.getByRole('heading', { name: /You left 3 items \(€54\.00\)/ })).toBeVisible()

  // Legible: the desktop preview is a real 1280 × 800 page shown as large as the playground
  // allows (on this 1280 px window, most of its width), and at real size on request.
  const frame = page.locator('iframe[title="Desktop preview"]')
  expect((await frame.boundingBox())!.width).toBeGreaterThan(1280 * 0.6)
  await page.getByLabel('Zoom').selectOption('1')
  await expect.poll(async () => Math.round((await frame.boundingBox())!.width)).toBe(1280)
  await expect(page.getByText('shown at 100 %')).toBeVisible()
})

test('playground: every known ReDoS rule is refused at its path (issue 25, finding 3)', async ({ page }) => {
  await page.goto(`${shop.url}/playground/`)
  const editor = page.getByRole('textbox', { name: 'Config JSON' })
  await expect(page.getByText('Valid: 5 campaigns.')).toBeVisible()
  const config = JSON.parse(await editor.inputValue())
  config.campaigns[0].audience = { url: { include: redos.map((r) => `re:${r.src}`) } }
  await editor.fill(JSON.stringify(config, null, 2))
  for (const [i] of redos.entries()) {
    const problem = page
      .locator('#problems li')
      .filter({ hasText: `campaigns[0].audience.url.include[${i}]:` })
    await expect(problem).toContainText('can match in linear time')
  }
  await expect(page.locator('#problems li')).toHaveCount(redos.length)
  await expect(page.getByRole('button', { name: 'Preview exit-offer' })).toHaveCount(0)
})
