import { expect, presetVisitor, test, visitorShownAll, watchViolations } from '../support/shop'

// Issue 10: the demo shop is served with a strict CSP and Trusted Types enforced; every one of
// its widgets opens without a single violation. The watcher is shown to see one when it happens.

const CAMPAIGNS = [
  'exit-offer',
  'cart-rescue',
  'newsletter',
  'shipping-bar',
  'nps-main',
  'csat-order',
  'push-optin',
]
const notFavicon = <T extends { text: string }>(seen: T[]) =>
  seen.filter((v) => !/\/favicon\.ico\b/.test(v.text))

test('every widget of the shop opens under its strict CSP with Trusted Types, without a violation', async ({
  page,
  shop,
}) => {
  const violations = await watchViolations(page)
  await presetVisitor(page, shop.shopUrl, await visitorShownAll('csp', ...CAMPAIGNS))
  for (const id of CAMPAIGNS) {
    const response = await page.goto(`${shop.shopUrl}/products/mug?linger_preview=${id}`)
    const csp = response!.headers()['content-security-policy']
    expect(csp).toContain("require-trusted-types-for 'script'")
    expect(csp).toContain("script-src 'self' 'sha256-")
    const widget = page.locator('linger-widget')
    await expect(widget.getByRole('button').first()).toBeVisible()
    // Its styles applied too (style-src 'self': constructed or linked sheets, no inline style).
    expect(
      await widget.evaluate((host) => {
        const root = host.shadowRoot!
        return root.adoptedStyleSheets.length + root.querySelectorAll('style,link[rel=stylesheet]').length
      }),
    ).toBeGreaterThan(0)
  }
  expect(notFavicon(violations)).toEqual([])
})

test('the violation watcher is not blind: a Trusted Types violation on the shop is caught', async ({
  page,
  shop,
}) => {
  const violations = await watchViolations(page)
  await page.goto(`${shop.shopUrl}/`)
  const blocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>raw</b>'
      return false
    } catch {
      return true
    }
  })
  expect(blocked).toBe(true)
  await expect.poll(() => notFavicon(violations).map((v) => v.kind)).toContain('securitypolicyviolation')
  expect(notFavicon(violations).find((v) => v.kind === 'securitypolicyviolation')!.text).toContain(
    'require-trusted-types-for',
  )
})
