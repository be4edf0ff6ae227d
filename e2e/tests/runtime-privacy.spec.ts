import type { BrowserContext, Page } from '@playwright/test'
import { queuedInPage } from '../support/queuedInPage'
import { openApp, seen } from '../support/targeting-open'
import { expect, test } from '../support/test'

type W = Window & {
  lingerReady?: boolean
  linger: {
    forget(): Promise<void>
    consent(g: boolean): void
    track(n: string): void
    identify(u: string): void
  }
}

const config = (extra = {}) => ({
  version: 1,
  site: 'e2e',
  campaigns: [
    {
      id: 'hello',
      kind: 'popup',
      layout: 'slide-in',
      trigger: { type: 'event', name: 'go' },
      content: { title: 'Hello' },
      frequency: { afterDismissDays: 7 },
    },
  ],
  ...extra,
})

const open = (page: Page, url: string, c: unknown) => openApp(page, url, c)

const lingerDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes('linger')),
  )

test('consent "required": nothing is stored or sent until consent(true); then the held events arrive', async ({
  page,
  server,
}) => {
  await page.clock.install()
  await open(page, server.url, config({ consent: 'required' }))
  await page.evaluate(() => (window as unknown as W).linger.track('go'))
  await expect(page.getByRole('dialog', { name: 'Hello' })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await page.clock.runFor(15_000)
  expect(await lingerDatabases(page)).toEqual([])
  expect(await page.evaluate(() => localStorage.length + document.cookie.length)).toBe(0)
  expect(server.endpoint.requests).toHaveLength(0)
  const consentAt = Date.now()
  await page.evaluate(() => (window as unknown as W).linger.consent(true))
  await page.clock.runFor(10_000)
  await server.endpoint.waitFor(() =>
    server.endpoint.uniqueEvents().some((e) => e.type === 'campaign.dismissed'),
  )
  expect(server.endpoint.requests.every((r) => r.at >= consentAt)).toBe(true)
  const types = server.endpoint.uniqueEvents().map((e) => e.type)
  expect(types).toEqual(expect.arrayContaining(['page.viewed', 'go', 'campaign.shown', 'campaign.dismissed']))
  // Consent given: the state is on the device now, so the dismissal cap survives a reload.
  await expect.poll(() => lingerDatabases(page)).toEqual(['linger'])
})

test('forget() leaves no Linger IndexedDB database and continues with a new visitor', async ({
  page,
  server,
}) => {
  await open(page, server.url, config())
  await page.evaluate(() => {
    const l = (window as unknown as W).linger
    l.identify('user-1')
    l.track('go')
  })
  await expect(page.getByRole('dialog', { name: 'Hello' })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await expect.poll(() => lingerDatabases(page)).toEqual(['linger'])
  const before = (await seen(page))[0]!.visitorId
  await page.evaluate(() => (window as unknown as W).linger.forget())
  await expect.poll(() => lingerDatabases(page)).toEqual([])
  await page.evaluate(() => (window as unknown as W).linger.track('after-forget'))
  const last = (await seen(page)).at(-1)!
  expect(last.type).toBe('after-forget')
  expect(last.visitorId).not.toBe(before)
  expect(last.userId).toBeUndefined()
  // Still nothing on the device, even after new events in the same page.
  await page.evaluate(() => (window as unknown as W).linger.track('go'))
  await expect(page.getByRole('dialog', { name: 'Hello' })).toBeVisible()
  expect(await lingerDatabases(page)).toEqual([])
  // A reload starts over: the dismissal was forgotten too.
  await page.reload()
  await page.waitForFunction(() => (window as unknown as W).lingerReady)
  await page.evaluate(() => (window as unknown as W).linger.track('go'))
  await expect(page.getByRole('dialog', { name: 'Hello' })).toBeVisible()
})

test('forget() erases what came before it, not after: a sign-out and the next user, made right after it, reach the endpoint as the new visitor', async ({
  page,
  server,
}) => {
  // Until forget(), the endpoint refuses every batch: what came before it stays queued.
  server.endpoint.always({ status: 503, headers: { 'retry-after': '1' } })
  await page.clock.install()
  await open(page, server.url, config())
  const before = (await seen(page))[0]!.visitorId
  await page.evaluate(() => {
    const l = (window as unknown as W).linger
    l.identify('user-1')
    l.track('basket')
  })
  // Stored, not sent.
  const queued = () => page.evaluate(queuedInPage)
  await expect.poll(queued).toBeGreaterThanOrEqual(3)
  await page.evaluate(() => {
    const l = (window as unknown as W).linger
    void l.forget()
    l.track('signed-out')
    l.identify('user-2')
    l.track('after')
  })
  server.endpoint.always({ status: 200 })
  await page.clock.runFor(60_000)
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'after'))
  const sent = server.endpoint.uniqueEvents()
  expect(sent.map((e) => [e.type, e.userId])).toEqual([
    ['signed-out', undefined],
    ['identify', 'user-2'],
    ['after', 'user-2'],
  ])
  const visitors = new Set(sent.map((e) => e.visitorId))
  expect(visitors.size).toBe(1)
  expect(visitors.has(before)).toBe(false)
  await expect.poll(() => lingerDatabases(page)).toEqual([])
})

test("forget() in one tab forgets in the site's other open tabs too: they store nothing again and go on as a new visitor", async ({
  context,
  server,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()]
  await open(a, server.url, config())
  await open(b, server.url, config())
  await a.evaluate(() => (window as unknown as W).linger.identify('user-1'))
  await expect.poll(() => lingerDatabases(b)).toEqual(['linger'])
  const before = (await seen(b))[0]!.visitorId
  await a.evaluate(() => (window as unknown as W).linger.forget())
  // Tab B held the database open: it must let go for the delete to finish.
  await expect.poll(() => lingerDatabases(a)).toEqual([])
  await expect
    .poll(async () => {
      await b.evaluate(() => (window as unknown as W).linger.track('after-forget'))
      return (await seen(b)).at(-1)!.visitorId
    })
    .not.toBe(before)
  const last = (await seen(b)).at(-1)!
  expect(last.type).toBe('after-forget')
  expect(last.userId).toBeUndefined()
  await b.evaluate(() => (window as unknown as W).linger.track('go'))
  await expect(b.getByRole('dialog', { name: 'Hello' })).toBeVisible()
  expect(await lingerDatabases(b)).toEqual([])
})

/** A tab of a consent-required site on a fake clock (to run its flush timer at will). */
async function consentTab(context: BrowserContext, url: string): Promise<Page> {
  const tab = await context.newPage()
  await tab.clock.install()
  await open(tab, url, config({ consent: 'required' }))
  return tab
}

const say = (tab: Page, yes: boolean) => tab.evaluate((y) => (window as unknown as W).linger.consent(y), yes)

test("consent given or withdrawn in one tab holds in the site's other open tabs", async ({
  context,
  server,
}) => {
  const [a, b] = [await consentTab(context, server.url), await consentTab(context, server.url)]
  const trackInB = (name: string) => b.evaluate((n) => (window as unknown as W).linger.track(n), name)
  const sent = (type: string) => server.endpoint.uniqueEvents().some((e) => e.type === type)

  // Given in A: B stores and sends too.
  await say(a, true)
  await trackInB('b-after-consent')
  await b.clock.runFor(10_000)
  await server.endpoint.waitFor(() => sent('b-after-consent'))

  // Withdrawn in A: B holds its new events in memory, sends nothing…
  await say(a, false)
  await trackInB('b-after-withdrawal')
  await b.clock.runFor(15_000)
  // Its flush timer has run: had B kept consent, the event would be on its way now.
  const leaked = await server.endpoint
    .waitFor(() => sent('b-after-withdrawal'), 3000)
    .then(
      () => true,
      () => false,
    )
  expect(leaked).toBe(false)
  const regrantedAt = Date.now()
  // …until consent is given again (in A): then they arrive, and not before.
  await say(a, true)
  await b.clock.runFor(10_000)
  await server.endpoint.waitFor(() => sent('b-after-withdrawal'))
  const carrying = server.endpoint.requests.filter((r) => r.body.includes('"b-after-withdrawal"'))
  expect(carrying.every((r) => r.at >= regrantedAt)).toBe(true)
})

test('a new tab whose consent manager starts at false does not withdraw the consent the other tabs have', async ({
  context,
  server,
}) => {
  const [a, b] = [await consentTab(context, server.url), await consentTab(context, server.url)]
  await say(a, true)
  // A third tab opens; its consent manager reports "no consent yet" before it reads the stored choice.
  const c = await consentTab(context, server.url)
  await say(c, false)
  await b.evaluate(() => (window as unknown as W).linger.track('b-after-c-opened'))
  await b.clock.runFor(10_000)
  await server.endpoint.waitFor(() =>
    server.endpoint.uniqueEvents().some((e) => e.type === 'b-after-c-opened'),
  )
})
