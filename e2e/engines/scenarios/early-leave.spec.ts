import { lingerPage } from '../support/lingerPage'
import { expect, test } from '../support/test'

// Events made before linger.js has read the visitor from IndexedDB, on a page left at once.
// Here the page itself holds the database in an upgrade while it tracks and navigates away, so
// the read is still waiting when pagehide comes, in every engine, whatever the machine's load.
// (In WebKit that read is slow enough by itself that pages left 0–300 ms after tracking lost
// whole visits; Chromium and Firefox lose them too once the machine is loaded.)
const HOLD = `
  const req = indexedDB.open('linger', 99)
  req.onupgradeneeded = () => {
    // Keep the upgrade busy until the page goes: linger.js's own open waits behind it.
    const store = req.result.createObjectStore('hold')
    const spin = () => { store.get(0).onsuccess = spin }
    spin()
  }
  // Whether linger.js had the visitor (and so its events) before the page went: the premise.
  linger('on', 'page.viewed', () => { window.viewed = true })
  // (beforeunload too: WebKit fires no pagehide for a page left before its load event.)
  for (const type of ['pagehide', 'beforeunload'])
    addEventListener(type, () => sessionStorage.setItem('viewed-before-leave', String(!!window.viewed)))
`

test('events tracked before the visitor is read, on a page left at once, arrive with the next page', async ({
  site,
}) => {
  const config = { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] }
  site.page('/next.html', lingerPage({ config }))
  site.page(
    '/leave.html',
    lingerPage({
      config,
      before: `${HOLD}
        for (let i = 0; i < 30; i++) linger('track', 'early', { i })
        // Leave as soon as linger.js has run (the stub's calls are then its own), well within
        // the 1 s after which it would give up on IndexedDB and go on in memory.
        const leave = setInterval(() => linger.loaded && (clearInterval(leave), location.replace('/next.html')))`,
    }),
  )
  const tab = await site.open('/leave.html', { ready: false })
  await expect.poll(() => tab.evaluate(() => location.pathname).catch(() => 'navigating')).toBe('/next.html')
  expect(await tab.evaluate(() => sessionStorage.getItem('viewed-before-leave'))).toBe('false')
  // /next.html is the next visit: it sends what the left page could not.
  await expect.poll(async () => (await site.stored('early')).length, { timeout: 30_000 }).toBe(30)
  const early = await site.stored('early')
  expect(early.map((e) => e.props.i)).toEqual(Array.from({ length: 30 }, (_, i) => i))
  // They belong to the visitor the next page knows.
  const next = await site.stored('page.viewed')
  expect(new Set([...early, ...next].map((e) => e.visitor_id)).size).toBe(1)
  await tab.close()
})
