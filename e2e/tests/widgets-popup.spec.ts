import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'
import { popupSpec, type WidgetSpec } from '../support/widgets-samples'

const events = (page: Page) => page.evaluate(() => window.events)

async function openOn(page: Page, url: string, spec: WidgetSpec, beforeMount?: () => Promise<void>) {
  await page.goto(`${url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  await beforeMount?.()
  await page.locator('#opener').focus()
  await page.evaluate((s) => window.mountCampaign(s), spec)
}

const deal = {
  title: 'Wait — 10% off',
  body: 'Hi {{name}}',
  coupon: 'WELCOME10',
  cta: { label: 'Shop now', href: '#cart' },
  secondary: { label: 'No thanks', action: 'close' },
}
const spec = (layout: string, content: object = deal, extra = {}) => ({
  ...popupSpec(layout, { content, ...extra }),
  host: { vars: { name: 'Ann' } },
})

test('modal by keyboard only: focus moves in, Tab is trapped, Enter copies, Esc closes and focus returns', async ({
  page,
  server,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  await openOn(page, server.url, spec('modal'))
  const dialog = page.getByRole('dialog', { name: 'Wait — 10% off' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expect(page.getByText('Hi Ann')).toBeVisible()
  const copy = page.getByRole('button', { name: 'Copy' })
  await expect(copy).toBeFocused()
  for (const name of ['Shop now', 'No thanks', 'Close', 'Copy']) {
    await page.keyboard.press('Tab')
    await expect(page.getByRole(name === 'Shop now' ? 'link' : 'button', { name })).toBeFocused()
  }
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(copy).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('WELCOME10')
  await page.keyboard.press('Escape')
  await expect(page.locator('linger-widget')).toHaveCount(0)
  await expect(page.locator('#opener')).toBeFocused()
  expect(await events(page)).toEqual([
    { type: 'campaign.clicked', props: { action: 'copy-coupon' } },
    { type: 'close', reason: 'converted' },
  ])
})

test('modal by mouse: the CTA link navigates and converts; the backdrop dismisses', async ({
  page,
  server,
}) => {
  await openOn(page, server.url, spec('modal'))
  await page.getByRole('link', { name: 'Shop now' }).click()
  await expect(page).toHaveURL(/#cart$/)
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await events(page)).toEqual([{ type: 'close', reason: 'converted' }])
  await page.evaluate((s) => window.mountCampaign(s), spec('modal'))
  await page.mouse.click(5, 5)
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect((await events(page)).at(-1)).toEqual({ type: 'close', reason: 'dismissed' })
})

test('slide-in and bars are non-modal: the page keeps focus and stays usable, Esc inside closes', async ({
  page,
  server,
}) => {
  for (const layout of ['slide-in', 'bar-top', 'bar-bottom']) {
    await openOn(page, server.url, spec(layout))
    const dialog = page.getByRole('dialog', { name: 'Wait — 10% off' })
    await expect(dialog).toBeVisible()
    await expect(dialog).not.toHaveAttribute('aria-modal', /.*/)
    await expect(page.locator('#opener')).toBeFocused()
    await page.locator('#opener').click()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Copy' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.locator('linger-widget')).toHaveCount(0)
    expect(await events(page)).toEqual([{ type: 'close', reason: 'dismissed' }])
  }
})

test('bars, sheet and inline by mouse: secondary dismisses, CTA converts', async ({ page, server }) => {
  for (const layout of ['bar-top', 'bar-bottom', 'sheet', 'inline']) {
    await openOn(page, server.url, spec(layout))
    await page.getByRole('button', { name: 'No thanks' }).click()
    await page.evaluate((s) => window.mountCampaign(s), spec(layout))
    await page.getByRole('link', { name: 'Shop now' }).click()
    await expect(page.locator('linger-widget')).toHaveCount(0)
    expect(await events(page), layout).toEqual([
      { type: 'close', reason: 'dismissed' },
      { type: 'close', reason: 'converted' },
    ])
  }
})

test('opening a fixed layout shifts nothing on the page; inline renders in its slot', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  const before = await page.locator('#after').boundingBox()
  for (const layout of ['modal', 'slide-in', 'bar-top', 'bar-bottom', 'sheet']) {
    await page.evaluate((s) => window.mountCampaign(s), spec(layout))
    await expect(page.getByRole('dialog')).toBeVisible()
    expect(await page.locator('#after').boundingBox()).toEqual(before)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
  }
  await page.evaluate((s) => window.mountCampaign(s), spec('inline'))
  await expect(
    page.locator('#slot linger-widget').getByRole('dialog', { name: 'Wait — 10% off' }),
  ).toBeVisible()
  expect((await page.locator('#after').boundingBox())!.y).toBeGreaterThan(before!.y)
})

test('a modal is a bottom sheet on a phone; reduced motion means no animation', async ({ page, server }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openOn(page, server.url, spec('modal'))
  await expect(page.getByRole('dialog')).toHaveCSS('animation-name', 'none')
  const box = (await page.getByRole('dialog').boundingBox())!
  expect(box.x).toBe(0)
  expect(box.width).toBe(390)
  expect(Math.round(box.y + box.height)).toBe(844)
  await expect(page.getByRole('dialog')).toHaveAttribute('aria-modal', 'true')
})

test('email capture by keyboard: error, consent, lead, success, converted', async ({ page, server }) => {
  const content = {
    title: 'Join the list',
    email: {
      placeholder: 'you@example.com',
      submit: 'Subscribe',
      consent: 'I agree to emails.',
      required: true,
    },
    success: { title: 'You are in!' },
  }
  await openOn(page, server.url, spec('modal', content))
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeFocused()
  await page.keyboard.type('ann@')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('Enter a valid email')
  await page.keyboard.type('example.com')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('Please tick the box')
  await expect(page.getByRole('checkbox', { name: 'I agree to emails.' })).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'You are in!' })).toBeFocused()
  await page.keyboard.press('Escape')
  expect(await events(page)).toEqual([
    { type: 'lead.captured', props: { email: 'ann@example.com', consent: true } },
    { type: 'close', reason: 'converted' },
  ])
})

test('teaser by mouse: close minimises, the tab reopens, its × dismisses', async ({ page, server }) => {
  await openOn(page, server.url, spec('slide-in', { ...deal, teaser: 'Get 10% off' }))
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.getByRole('button', { name: 'Get 10% off' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('region', { name: 'Get 10% off' }).getByRole('button', { name: 'Close' }).click()
  await expect(page.locator('linger-widget')).toHaveCount(0)
  expect(await events(page)).toEqual([{ type: 'close', reason: 'dismissed' }])
})

test('countdown ticks and stops at zero; cart items preview', async ({ page, server }) => {
  await page.clock.install({ time: new Date('2026-03-01T10:00:00Z') })
  const content = { title: 'Cart', items: true, countdown: { minutes: 2, label: 'Ends in' } }
  // The clock stands still from before the mount: on a loaded machine real seconds passing
  // between the mount and each check would read 01:59 or 00:58 instead.
  const pause = () => page.clock.pauseAt(new Date('2026-03-01T10:10:00Z'))
  await openOn(
    page,
    server.url,
    {
      ...popupSpec('slide-in', { content }),
      host: { cartItems: [{ id: 'm', name: 'Blue mug', price: 1, quantity: 2 }] },
    },
    pause,
  )
  const timer = page.getByRole('timer')
  await expect(timer).toHaveText('Ends in 02:00')
  await page.clock.runFor(61_000)
  await expect(timer).toHaveText('Ends in 00:59')
  await page.clock.runFor(120_000)
  await expect(timer).toHaveText('Ends in 00:00')
  await expect(page.getByRole('listitem')).toHaveText('Blue mug×2')
})

test('a CTA that shows another campaign', async ({ page, server }) => {
  await openOn(
    page,
    server.url,
    spec('modal', { title: 'More?', cta: { label: 'See more', action: 'show', campaign: 'next' } }),
  )
  await page.getByRole('button', { name: 'See more' }).click()
  expect(await events(page)).toEqual([
    { type: 'close', reason: 'converted' },
    { type: 'show', id: 'next' },
  ])
})

test('right-to-left in Arabic with built-in Arabic strings', async ({ page, server }) => {
  await openOn(page, server.url, {
    ...spec('modal', { title: { en: 'Hello', ar: 'مرحبا' } }),
    host: { locale: 'ar' },
  })
  await expect(page.getByRole('dialog', { name: 'مرحبا' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'إغلاق' })).toBeVisible()
  const dialog = (await page.getByRole('dialog').boundingBox())!
  const close = (await page.getByRole('button', { name: 'إغلاق' }).boundingBox())!
  expect(close.x - dialog.x).toBeLessThan(dialog.width / 2)
})
