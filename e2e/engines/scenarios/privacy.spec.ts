// Consent and forget hold across a site's open tabs (BroadcastChannel 'linger-tabs'), in each
// engine: given in one tab, the others store and send; withdrawn, they hold new events in
// memory; forget() in one tab deletes the device's data even while another tab holds the
// database open, and that tab goes on as a new visitor that stores nothing.
import { lingerPage } from '../support/lingerPage'
import { expect, type Site, test } from '../support/test'
import type { Tab } from '../support/types'

type W = { linger: (...a: unknown[]) => void }
const call = (tab: Tab, ...args: unknown[]) =>
  tab.evaluate((a) => (window as unknown as W).linger(...a), args)

/** Names of this origin's IndexedDB databases. */
const databases = (tab: Tab) =>
  tab.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort())

/** Stored events of `type`, once each. */
const count = async (site: Site, type: string) => (await site.stored(type)).length

/**
 * Absence can only be shown over a span of time: `type` has still not reached the collector
 * after `ms` (longer than linger.js's 5 s flush timer, so the tab had its chance to send it).
 */
const neverArrives = async (site: Site, type: string, ms: number) => {
  const until = Date.now() + ms
  while (Date.now() < until) {
    expect(await count(site, type), `${type} was sent`).toBe(0)
    await new Promise((done) => setTimeout(done, 250))
  }
}

test('consent given, withdrawn and given again in one tab holds in the other open tab', async ({ site }) => {
  site.page(
    '/p.html',
    lingerPage({
      config: { version: 1, site: site.id, endpoint: '/v1/batch', consent: 'required', campaigns: [] },
    }),
  )
  const [a, b] = [await site.open('/p.html'), await site.open('/p.html')]
  await call(b, 'track', 'b-before-consent')
  // Nothing stored on the device, nothing sent, before consent.
  expect(await databases(b)).toEqual([])
  expect(await b.evaluate(() => localStorage.length + document.cookie.length)).toBe(0)
  await neverArrives(site, 'b-before-consent', 6000)

  await call(a, 'consent', true)
  await call(b, 'track', 'b-after-consent')
  await expect.poll(() => count(site, 'b-after-consent'), { timeout: 30_000 }).toBe(1)
  // Held until consent, then sent: the page views and B's early event too.
  expect(await count(site, 'b-before-consent')).toBe(1)
  expect(await count(site, 'page.viewed')).toBe(2)

  await call(a, 'consent', false)
  await call(b, 'track', 'b-after-withdrawal')
  await neverArrives(site, 'b-after-withdrawal', 6000)
  const regrantedAt = Date.now()
  await call(a, 'consent', true)
  await expect.poll(() => count(site, 'b-after-withdrawal'), { timeout: 30_000 }).toBe(1)
  const carrying = site.gate.log.filter((r) => r.outcome === 'forwarded' && r.at < regrantedAt)
  const withdrawn = (await site.stored('b-after-withdrawal'))[0]!.id
  expect(carrying.some((r) => r.ids.includes(withdrawn))).toBe(false)
})

test('forget() in one tab: the database is gone though another tab held it; that tab goes on as a new visitor storing nothing', async ({
  site,
}) => {
  const config = {
    version: 1,
    site: site.id,
    endpoint: '/v1/batch',
    campaigns: [
      { id: 'hi', kind: 'popup', trigger: { type: 'event', name: 'go' }, content: { title: 'Hello' } },
    ],
  }
  site.page('/p.html', lingerPage({ config }))
  const [a, b] = [await site.open('/p.html'), await site.open('/p.html')]
  await call(a, 'identify', 'user-1')
  await call(a, 'track', 'a-before')
  await expect.poll(() => count(site, 'a-before'), { timeout: 30_000 }).toBe(1)
  const before = (await site.stored('a-before'))[0]!
  expect(before.user_id).toBe('user-1')
  // One visitor on this device, both tabs.
  await call(b, 'track', 'b-before')
  await expect
    .poll(async () => (await site.stored('b-before')).map((e) => e.visitor_id))
    .toEqual([before.visitor_id])
  expect(await databases(b)).toContain('linger')

  await call(a, 'forget')
  await expect.poll(() => databases(a), { timeout: 20_000 }).not.toContain('linger')
  // B heard it: its next events belong to a new visitor, without the user id.
  await expect
    .poll(
      async () => {
        await call(b, 'track', 'b-after')
        return (await site.stored('b-after')).map((e) => e.visitor_id)
      },
      { timeout: 30_000 },
    )
    .toEqual(expect.arrayContaining([expect.not.stringMatching(before.visitor_id)]))
  const after = (await site.stored('b-after')).filter((e) => e.visitor_id !== before.visitor_id)
  expect(after.every((e) => e.user_id === null)).toBe(true)
  // And it stores nothing on the device again, even showing a campaign.
  await call(b, 'track', 'go')
  await expect
    .poll(() =>
      b.evaluate(() => !!document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog]')),
    )
    .toBe(true)
  expect(await databases(b)).not.toContain('linger')
  expect(await databases(a)).not.toContain('linger')
})
