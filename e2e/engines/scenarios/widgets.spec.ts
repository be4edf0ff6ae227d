import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { lingerPage } from '../support/lingerPage'
import { expect, type Site, test, waitIn } from '../support/test'
import type { Tab } from '../support/types'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const page = (site: Site, campaign: Record<string, unknown>) => {
  site.page(
    '/w.html',
    lingerPage({ config: { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [campaign] } }),
  )
  return site.open('/w.html')
}

/** What has focus, seen through the widget's shadow root: its role and accessible name. */
const focused = (tab: Tab) =>
  tab.evaluate(() => {
    const host = document.querySelector('linger-widget')
    const el = host?.shadowRoot?.activeElement as HTMLElement | null | undefined
    if (document.activeElement !== host || !el) return `outside: ${document.activeElement?.tagName}`
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`
  })

/** axe-core (injected as a script) on the widget: the ids of the rules it breaks. */
const axeViolations = async (tab: Tab) => {
  await tab.evaluate((src) => {
    const s = document.createElement('script')
    s.textContent = src
    document.head.append(s)
  }, axeSource)
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<{ violations: { id: string }[] }> } })
      .axe
    const r = await axe.run({ include: [['linger-widget']] })
    return r.violations.map((v) => v.id)
  })
}

test('a modal pop-up renders in the shadow root: focus moves in and is trapped, axe finds nothing, Esc closes, the dismissal arrives', async ({
  site,
}) => {
  const tab = await page(site, {
    id: 'offer',
    kind: 'popup',
    layout: 'modal',
    trigger: { type: 'pageview' },
    content: { title: 'Ten percent off', body: 'Today only.', cta: { label: 'Shop now', href: '/cart' } },
  })
  const title = await waitIn(
    tab,
    () => document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent,
  )
  expect(title).toBe('Ten percent off')
  // The host page's light DOM holds only the host element.
  expect(await tab.evaluate(() => document.querySelector('linger-widget')?.children.length)).toBe(0)
  await expect.poll(() => focused(tab)).not.toMatch(/^outside/)
  const seen = new Set<string>()
  for (let i = 0; i < 6; i++) {
    await tab.press('Tab')
    const f = await focused(tab)
    expect(f).not.toMatch(/^outside/) // the trap holds
    seen.add(f)
  }
  expect(seen.size).toBeGreaterThan(1)
  expect(await axeViolations(tab)).toEqual([])
  await tab.press('Escape')
  await waitIn(
    tab,
    () => !document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog]'),
  )
  await expect.poll(async () => (await site.stored('campaign.dismissed')).length).toBe(1)
})

test('NPS by keyboard only: Tab in, End and arrows move, Space answers; axe finds nothing; the score reaches the collector', async ({
  site,
}) => {
  const tab = await page(site, {
    id: 'nps',
    kind: 'nps',
    trigger: { type: 'pageview' },
    question: 'How likely are you to recommend us?',
  })
  await waitIn(
    tab,
    () => !!document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=radio]'),
  )
  expect(await axeViolations(tab)).toEqual([])
  await tab.evaluate(() => (document.getElementById('own') as HTMLElement).focus())
  await tab.press('Tab')
  await expect.poll(() => focused(tab)).toMatch(/^radio/)
  await tab.press('End')
  await tab.press('ArrowLeft')
  await tab.press('ArrowLeft')
  await tab.press('Space')
  await expect
    .poll(async () => (await site.stored('survey.answered')).map((e) => e.props))
    .toEqual([{ survey: 'nps', score: 8, scale: 10 }])
})

test('CSAT stars with the real pointer: the answer reaches the collector', async ({ site }) => {
  const tab = await page(site, {
    id: 'csat',
    kind: 'csat',
    trigger: { type: 'pageview' },
    scale: 5,
    style: 'stars',
    question: 'How was your checkout?',
  })
  const at = await waitIn(tab, () => {
    const radios = document.querySelector('linger-widget')?.shadowRoot?.querySelectorAll('[role=radio]')
    const r = radios?.[3]?.getBoundingClientRect()
    return r?.width ? ([r.x + r.width / 2, r.y + r.height / 2] as const) : undefined
  })
  await tab.click(at[0], at[1])
  await expect
    .poll(async () => (await site.stored('survey.answered')).map((e) => e.props))
    .toEqual([{ survey: 'csat', score: 4, scale: 5 }])
})
