// The pipeline's promises in each engine, against the real collector behind a gate that fails
// batches on command: retried through 5xx, 429 + Retry-After and offline with nothing lost;
// what a tab closed at once could not send arrives with the next visit; two tabs of one site
// share one queue and never send an event twice.

import { queuedInPage } from '../../support/queuedInPage'
import { lingerPage } from '../support/lingerPage'
import { expect, type Site, test } from '../support/test'
import type { Tab } from '../support/types'

const page = (site: Site) =>
  site.page(
    '/d.html',
    lingerPage({ config: { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] } }),
  )

/** Tracks `n` events of `type` (props `{ k: '<prefix><i>' }`) in the tab. */
const track = (tab: Tab, type: string, n: number, prefix = '') =>
  tab.evaluate(
    ([t, count, p]) => {
      const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
      for (let i = 0; i < count; i++) linger('track', t, { k: `${p}${i}` })
    },
    [type, n, prefix] as const,
  )

/** The events of `type` the collector stored, by their `k` prop. */
const keys = async (site: Site, type: string) =>
  (await site.stored(type))
    .map((e) => String(e.props.k))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))

const expected = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

/** Events waiting in this origin's IndexedDB queue. */
const queued = (tab: Tab) => tab.evaluate(queuedInPage)

test('5xx twice, then accepted: the same events retried, each stored once', async ({ site }) => {
  page(site)
  site.gate.fail({ status: 500 })
  site.gate.fail({ status: 503 })
  const tab = await site.open('/d.html')
  await track(tab, 'retried', 10)
  await expect.poll(() => keys(site, 'retried'), { timeout: 30_000 }).toEqual(expected(10))
  const [first, second, third] = site.gate.log
  expect([first?.outcome, second?.outcome, third?.outcome]).toEqual(['500', '503', 'forwarded'])
  // The retry carried what the failed attempt did (plus what was tracked meanwhile).
  expect(third!.ids).toEqual(expect.arrayContaining(second!.ids))
  expect(second!.ids).toEqual(expect.arrayContaining(first!.ids))
  expect(site.gate.log.reduce((n, b) => n + (b.duplicates ?? 0), 0)).toBe(0)
})

test('429 with Retry-After: 2 — nothing is sent again for 2 s, then everything arrives', async ({ site }) => {
  page(site)
  site.gate.fail({ status: 429, headers: { 'retry-after': '2' } })
  const tab = await site.open('/d.html')
  await track(tab, 'later', 10)
  await expect.poll(() => keys(site, 'later'), { timeout: 30_000 }).toEqual(expected(10))
  const [refused, next] = site.gate.log
  expect(refused!.outcome).toBe('429')
  expect(next!.at - refused!.at).toBeGreaterThanOrEqual(2000)
})

test('offline: events wait in IndexedDB and nothing is sent; back online, all arrive once', async ({
  site,
  engine,
}) => {
  page(site)
  const tab = await site.open('/d.html')
  // The page view first, so what follows is only what was tracked offline.
  await expect.poll(async () => (await site.stored('page.viewed')).length).toBe(1)
  const how = await site.offline(true)
  test.info().annotations.push({ type: 'offline', description: how })
  await track(tab, 'offline', 20)
  await expect.poll(() => queued(tab)).toBeGreaterThanOrEqual(20)
  // Offline reached the page: the browser says so (and linger.js holds its queue), or, emulated,
  // a flush was tried and refused at the collector.
  if (engine.can.offline) await expect.poll(() => tab.evaluate(() => navigator.onLine)).toBe(false)
  else
    await expect.poll(() => site.gate.log.some((b) => b.outcome === 'drop'), { timeout: 20_000 }).toBe(true)
  expect(await keys(site, 'offline')).toEqual([])
  await site.offline(false)
  await expect.poll(() => keys(site, 'offline'), { timeout: 60_000 }).toEqual(expected(20))
  await expect.poll(() => queued(tab)).toBe(0)
})

test('a tab closed right after tracking, the collector down: the next visit delivers every event', async ({
  site,
}) => {
  page(site)
  site.gate.refusing = true
  const first = await site.open('/d.html')
  await track(first, 'closed', 30)
  await first.close()
  site.gate.refusing = false
  const next = await site.open('/d.html')
  await expect.poll(() => keys(site, 'closed'), { timeout: 30_000 }).toEqual(expected(30))
  // Both visits' page views, once each, from one visitor.
  await expect.poll(async () => (await site.stored('page.viewed')).length).toBe(2)
  const rows = [...(await site.stored('closed')), ...(await site.stored('page.viewed'))]
  expect(new Set(rows.map((e) => e.visitor_id)).size).toBe(1)
  await next.close()
})

test('two tabs of one site share one queue: every event arrives, none is sent twice', async ({ site }) => {
  page(site)
  const [a, b] = [await site.open('/d.html'), await site.open('/d.html')]
  for (let round = 0; round < 3; round++)
    await Promise.all([track(a, 'two', 20, `a${round}-`), track(b, 'two', 20, `b${round}-`)])
  const all = ['a', 'b'].flatMap((t) => [0, 1, 2].flatMap((r) => expected(20, `${t}${r}-`)))
  await expect
    .poll(() => keys(site, 'two'), { timeout: 30_000 })
    .toEqual(all.sort((x, y) => x.localeCompare(y, 'en', { numeric: true })))
  // Healthy endpoint, tabs open: no id was ever sent twice, by either tab.
  const sent = site.gate.log.flatMap((b) => b.ids)
  expect(sent.length).toBe(new Set(sent).size)
  expect(site.gate.log.every((b) => b.outcome === 'forwarded' && b.duplicates === 0)).toBe(true)
})
