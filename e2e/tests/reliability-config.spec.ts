// Bad config in the browser: every entry of the config corpus (packages/core/test/config/corpus.ts,
// 202 malformed or hostile configs) goes to the shipped linger.js as `linger('init', config)`.
// Each must yield a `linger:` console warning naming the issue's path and `?linger_debug=1`, and
// no exception or unhandled rejection may reach the host page, which keeps working.
import type { Page } from '@playwright/test'
import { corpus } from '../../packages/core/test/config/corpus'
import { expect, test } from '../support/test'

const KEY = 'linger-test-config'
type Outcome = { name: string; path: string; warned: boolean; hinted: boolean; errors: string[] }

async function runEntries(page: Page, url: string, entries: typeof corpus): Promise<Outcome[]> {
  const warnings: string[] = []
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.addInitScript(() => {
    const w = window as unknown as { __errors: string[] }
    w.__errors = []
    addEventListener('error', (e) => w.__errors.push(String(e.message)))
    addEventListener('unhandledrejection', (e) => w.__errors.push(`unhandled: ${String(e.reason)}`))
  })
  await page.goto(`${url}/blank.html`)
  const out: Outcome[] = []
  for (const entry of entries) {
    warnings.length = 0
    errors.length = 0
    await page.evaluate(([k, v]) => sessionStorage.setItem(k, v), [KEY, JSON.stringify(entry.input)] as const)
    await page.goto(`${url}/reliability-config.html`)
    // Warnings use `linger: <path>: <message>` (development) or `linger: <path> <code>` (production).
    const named = (w: string) =>
      w.startsWith(`linger: ${entry.path}:`) || w.startsWith(`linger: ${entry.path} `)
    const warned = await expect
      .poll(() => warnings.some(named), { timeout: 3000, intervals: [20, 50, 100] })
      .toBe(true)
      .then(
        () => true,
        () => false,
      )
    // ...and says how to see every problem (one warning per broken campaign, not one per problem).
    const hinted = warnings.some((w) => named(w) && w.includes('?linger_debug=1'))
    // The host page still works, and linger() still answers without throwing.
    await page.locator('#own').click()
    await expect(page.locator('#own')).toHaveText('clicked')
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __errors: string[]; linger: (...a: unknown[]) => void }
      try {
        w.linger('track', 'after-bad-config')
      } catch (e) {
        w.__errors.push(`linger() threw: ${String(e)}`)
      }
      return w.__errors
    })
    out.push({ name: entry.name, path: entry.path, warned, hinted, errors: [...errors, ...inPage] })
  }
  return out
}

// `linger('init', null)` has its own test: this suite found start() reading an explicit null as
// "no config given" and warning about nothing (fixed in b8d84ca).
const isNull = (e: (typeof corpus)[number]) => e.input === null
const checked = corpus.filter((e) => !isNull(e))
// In parts of at most 70 (one page load each), so the workers share the loads and each part
// stays well inside its timeout on a loaded machine.
const parts = Math.ceil(checked.length / 70)
const size = Math.ceil(checked.length / parts)
for (const [part, entries] of Array.from(
  { length: parts },
  (_, i) => [i + 1, checked.slice(i * size, (i + 1) * size)] as const,
))
  test(`config corpus part ${part}/${parts}: a path-named warning for each, nothing thrown into the page`, async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000)
    const outcomes = await runEntries(page, server.url, entries)
    const silent = outcomes.filter((o) => !o.warned).map((o) => `${o.name} (path "${o.path}")`)
    const thrown = outcomes.filter((o) => o.errors.length).map((o) => `${o.name}: ${o.errors.join('; ')}`)
    console.log(
      `RELIABILITY ${JSON.stringify({ suite: `config-${part}`, configs: outcomes.length, warned: outcomes.length - silent.length, silent: silent.length, thrown: thrown.length })}`,
    )
    expect(thrown).toEqual([])
    expect(silent).toEqual([])
    expect(outcomes.filter((o) => o.warned && !o.hinted).map((o) => o.name)).toEqual([])
  })

test("linger('init', null): a path-named warning too", async ({ page, server }) => {
  const [outcome] = await runEntries(page, server.url, corpus.filter(isNull))
  expect(outcome!.errors).toEqual([])
  expect(outcome!.warned).toBe(true)
})
