import type { Page } from '@playwright/test'
import { runAxe } from '../support/runAxe'
import { expect, test } from '../support/test'
import { samples } from '../support/widgets-samples'

async function violations(page: Page, label: string) {
  await expect(page.locator('linger-widget').first()).toBeAttached()
  const { violations, incomplete } = await runAxe(page)
  // A contrast check axe could not make (no colours found) would pass silently: count it too.
  // Only "too short to judge" (digits, ×, stars) and emoji-only text are accepted as unknown.
  const blind = incomplete
    .filter((r) => r.id === 'color-contrast')
    .map((r) => ({
      ...r,
      nodes: r.nodes.filter((n) => !['shortTextContent', 'nonBmp'].includes(n.any[0]?.data?.messageKey)),
    }))
    .filter((r) => r.nodes.length)
  return [...violations, ...blind].map(
    (v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

// Interactions that reveal further states worth checking: follow-ups, errors, results.
const steps: Record<string, (page: Page) => Promise<void>> = {
  nps: (page) => page.getByRole('radio', { name: '9', exact: true }).click(),
  'csat-stars': (page) => page.getByRole('radio', { name: '2 of 5' }).click(),
  'popup-email': async (page) => {
    await page.getByRole('button', { name: 'Subscribe' }).click()
    await expect(page.getByRole('alert')).not.toBeEmpty()
  },
  push: async (page) => {
    await page.getByRole('button', { name: 'Yes, notify me' }).click()
    await expect(page.getByRole('status')).not.toBeEmpty()
  },
  'popup-slide-in': async (page) => {
    await page.getByRole('button', { name: 'Copy' }).click()
  },
}

async function openHarness(page: Page, url: string, mode: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: mode, reducedMotion: 'reduce' })
  await page.goto(`${url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
}

/** Mounts each named sample in `mode`, runs axe, then again after its interaction step. */
async function check(page: Page, names: string[], mode: 'light' | 'dark', found: string[]) {
  for (const name of names) {
    await page.evaluate((s) => window.mountCampaign(s), { ...samples[name]!, theme: { mode } })
    found.push(...(await violations(page, `${name} ${mode}`)))
    if (!steps[name]) continue
    await steps[name](page)
    found.push(...(await violations(page, `${name} ${mode} (after)`)))
  }
}

/** The success step and the teaser of the email pop-up. */
async function successAndTeaser(page: Page, mode: 'light' | 'dark', found: string[]) {
  const spec = { ...samples['popup-email']!, theme: { mode } }
  await page.evaluate((s) => window.mountCampaign(s), spec)
  await page.getByRole('textbox', { name: 'Email' }).fill('a@b.co')
  await page.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { name: 'You are in!' })).toBeVisible()
  found.push(...(await violations(page, `success ${mode}`)))
  await page.evaluate((s) => window.mountCampaign(s), spec)
  await page.getByRole('button', { name: 'Close' }).click()
  found.push(...(await violations(page, `teaser ${mode}`)))
}

const popups = Object.keys(samples).filter((n) => n.startsWith('popup-'))
const others = Object.keys(samples).filter((n) => !n.startsWith('popup-'))

test('axe, light: every pop-up layout and state', async ({ page, server }) => {
  await openHarness(page, server.url, 'light')
  const found: string[] = []
  await check(page, popups, 'light', found)
  await successAndTeaser(page, 'light', found)
  expect(found).toEqual([])
})

test('axe, light: NPS, CSAT (stars, faces, numbers), push; accents that need dark or light text', async ({
  page,
  server,
}) => {
  await openHarness(page, server.url, 'light')
  const found: string[] = []
  await check(page, others, 'light', found)
  // `auto` follows the emulated scheme; the CTA text colour is computed from the accent.
  for (const color of ['#f59e0b', '#e00000', '#ffffff', 'hsl(200 90% 60%)', 'rebeccapurple']) {
    await page.evaluate((s) => window.mountCampaign(s), {
      ...samples['popup-modal']!,
      theme: { mode: 'auto' as const, color },
    })
    found.push(...(await violations(page, `accent ${color}`)))
  }
  expect(found).toEqual([])
})

test('axe, dark: every widget', async ({ page, server }) => {
  await openHarness(page, server.url, 'dark')
  const found: string[] = []
  await check(
    page,
    ['popup-modal', 'popup-bar-bottom', 'popup-email', 'popup-cart', ...others],
    'dark',
    found,
  )
  await successAndTeaser(page, 'dark', found)
  await page.evaluate((s) => window.mountCampaign(s), {
    ...samples['popup-modal']!,
    theme: { mode: 'auto' as const, color: '#111' },
  })
  found.push(...(await violations(page, 'auto in a dark scheme')))
  expect(found).toEqual([])
})
