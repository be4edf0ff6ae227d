import type { Page } from '@playwright/test'
import { configHash, stampConfig } from '../../packages/core/src/config'
import { expect, test } from '../support/test'

// Issue 23, point 1: a config stamped by `linger validate --write` skips the validator chunk;
// an unstamped or edited one (and debug mode) loads it. Whatever the page trusts stays safe:
// a forged stamp on a hostile config still cannot put a javascript: link on the page.

const popup = (title: string, href = '/cart') => ({
  version: 1,
  site: 'stamp',
  campaigns: [
    {
      id: 'hello',
      kind: 'popup',
      trigger: { type: 'pageview' },
      content: { title, cta: { label: 'Go', href } },
    },
  ],
})

/** The page loads linger.js with `config` given by `linger('init', …)`; the chunks it fetched. */
async function open(page: Page, url: string, config: unknown, query = ''): Promise<string[]> {
  const chunks: string[] = []
  page.on('request', (r) => {
    const m = r.url().match(/\/(linger-[\w-]+\.js)$/)
    if (m) chunks.push(m[1]!)
  })
  await page.goto(`${url}/blank.html${query}`)
  await page.evaluate((config) => {
    const w = window as unknown as { linger: { (...a: unknown[]): void; q?: unknown[] } }
    w.linger = (...args: unknown[]) => {
      w.linger.q ||= []
      w.linger.q.push(args)
    }
    w.linger('init', config)
    const script = document.createElement('script')
    script.src = '/embed-dist/linger.js'
    script.dataset.endpoint = '/collect'
    document.head.append(script)
  }, config)
  return chunks
}

test('a stamped config shows its campaign without loading the validator', async ({ page, server }) => {
  const chunks = await open(page, server.url, stampConfig(popup('Stamped hello')).config)
  await expect(page.getByRole('heading', { name: 'Stamped hello' })).toBeVisible()
  expect(chunks).toContain('linger-campaigns.js')
  expect(chunks).not.toContain('linger-validate.js')
  expect(chunks).not.toContain('linger-regex.js')
})

test('an edit after stamping sends the page to the validator, which still runs the campaign', async ({
  page,
  server,
}) => {
  const edited = { ...stampConfig(popup('Stamped hello')).config!, site: 'edited' }
  const chunks = await open(page, server.url, edited)
  await expect(page.getByRole('heading', { name: 'Stamped hello' })).toBeVisible()
  expect(chunks).toContain('linger-validate.js')
})

test('debug mode validates a stamped config too', async ({ page, server }) => {
  const chunks = await open(page, server.url, stampConfig(popup('Debugged')).config, '?linger_debug=1')
  await expect(page.getByRole('heading', { name: 'Debugged' })).toBeVisible()
  expect(chunks).toContain('linger-validate.js')
})

test('a forged stamp on a hostile config: no validator, and still no javascript: link', async ({
  page,
  server,
}) => {
  const hostile: Record<string, unknown> = popup('Forged', 'javascript:alert(document.cookie)')
  hostile.$stamp = configHash(hostile)
  const chunks = await open(page, server.url, hostile)
  await expect(page.getByRole('heading', { name: 'Forged' })).toBeVisible()
  expect(chunks).not.toContain('linger-validate.js')
  const hrefs = await page
    .locator('linger-widget')
    .evaluate((host) =>
      [...(host.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
    )
  expect(hrefs.filter((h) => h?.toLowerCase().includes('javascript'))).toEqual([])
})

test('a stamped config with a re: URL rule loads only the ReDoS guard, and the rule matches', async ({
  page,
  server,
}) => {
  const config = popup('Matched by a regex') as ReturnType<typeof popup> & {
    campaigns: Record<string, unknown>[]
  }
  config.campaigns[0]!.audience = { url: { include: ['re:blank\\.html'] } }
  const chunks = await open(page, server.url, stampConfig(config).config)
  await expect(page.getByRole('heading', { name: 'Matched by a regex' })).toBeVisible()
  expect(chunks).toContain('linger-regex.js')
  expect(chunks).not.toContain('linger-validate.js')
})

test('a forged stamp cannot run an unsafe regex: the rule fails closed', async ({ page, server }) => {
  const hostile = {
    version: 1,
    site: 'stamp',
    campaigns: [
      {
        id: 'unsafe',
        kind: 'popup',
        trigger: { type: 'pageview' },
        audience: { url: { include: ['re:(l|la)+nk'] } }, // matches /blank.html, a repeated group
        content: { title: 'Unsafe' },
      },
      { id: 'safe', kind: 'popup', trigger: { type: 'event', name: 'later' }, content: { title: 'Safe' } },
    ],
  } as Record<string, unknown>
  hostile.$stamp = configHash(hostile)
  const chunks = await open(page, server.url, hostile)
  // `later` is tracked until its trigger is armed; by then the pageview trigger has fired, and had
  // the unsafe rule matched, its pop-up would be on screen instead.
  await expect
    .poll(async () => {
      await page.evaluate(() =>
        (window as unknown as { linger(...a: unknown[]): void }).linger('track', 'later'),
      )
      return page.getByRole('heading', { name: 'Safe' }).isVisible()
    })
    .toBe(true)
  await expect(page.getByRole('heading', { name: 'Unsafe' })).toHaveCount(0)
  expect(chunks).toContain('linger-regex.js')
  expect(chunks).not.toContain('linger-validate.js')
})

test('a broken campaign: one warning naming it and ?linger_debug=1; debug mode prints every problem in prose', async ({
  page,
  server,
}) => {
  const warnings: string[] = []
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
  const config = popup('Still shown') as ReturnType<typeof popup> & { campaigns: unknown[] }
  // Two problems in one campaign: an unknown trigger type and a title that is not text.
  config.campaigns.push({
    id: 'spring-sale',
    kind: 'popup',
    trigger: { type: 'nope' },
    content: { title: 5 },
  })
  await open(page, server.url, config)
  await expect(page.getByRole('heading', { name: 'Still shown' })).toBeVisible()
  const about = (w: string) => w.startsWith('linger: campaigns[1]')
  await expect.poll(() => warnings.filter(about).length).toBe(1)
  expect(warnings.find(about)).toContain('campaign "spring-sale" skipped, 1 more problem(s)')
  expect(warnings.find(about)).toContain('?linger_debug=1')

  warnings.length = 0
  // (The pop-up itself stays away now: it showed once this session.)
  await open(page, server.url, config, '?linger_debug=1')
  await expect.poll(() => warnings.filter(about).length).toBe(2)
  // Path and prose (`linger: <path>: <what was expected>`), not the production build's code.
  for (const w of warnings.filter(about)) expect(w).toMatch(/^linger: campaigns\[1\]\.\S+: \S/)
})
