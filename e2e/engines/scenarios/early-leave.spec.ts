import { lingerPage } from '../support/lingerPage'
import { expect, test } from '../support/test'

// Events made before linger.js has read the visitor from IndexedDB, on a page left at once.
// Here the page itself holds the database in an upgrade while it tracks and navigates away, so
// the read is still waiting when the page goes, in every engine, whatever the machine's load.
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
  // Whether linger.js had the visitor (and so its events) before the page went, and whether the
  // page had loaded: the premises. (beforeunload too: WebKit fires no pagehide for a page left
  // before its load event.)
  linger('on', 'page.viewed', () => { window.viewed = true })
  for (const type of ['pagehide', 'beforeunload'])
    addEventListener(type, () => {
      sessionStorage.setItem('viewed-before-leave', String(!!window.viewed))
      // The first of the two (beforeunload): by pagehide a left page's load has been stopped.
      if (!sessionStorage.getItem('state-at-leave')) sessionStorage.setItem('state-at-leave', document.readyState)
    })
`

// A page is left after its load event (pagehide fires everywhere), or while an image still
// loads (WebKit then fires beforeunload only; Chromium and Firefox fire pagehide too).
for (const when of ['loaded', 'still loading'] as const)
  test(`events tracked before the visitor is read, on a page left at once (${when}), arrive with the next page`, async ({
    site,
  }) => {
    const config = { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] }
    const held: Array<() => void> = []
    // An image the server answers only when the test ends: the page cannot finish loading.
    site.server.route('/slow.png', (_req, res) => void held.push(() => res.writeHead(404).end()))
    site.page('/next.html', lingerPage({ config }))
    site.page(
      '/leave.html',
      lingerPage({
        config,
        body: when === 'still loading' ? '<img src="/slow.png" alt="">' : '',
        before: `${HOLD}
        for (let i = 0; i < 30; i++) linger('track', 'early', { i })
        // Leave as soon as linger.js has run (the stub's calls are then its own), well within
        // the 1 s after which it would give up on IndexedDB and go on in memory; after the load
        // event, or before it.
        const leave = setInterval(() => {
          const loaded = document.readyState === 'complete'
          if (linger.loaded && loaded === ${when === 'loaded'}) clearInterval(leave), location.replace('/next.html')
        })`,
      }),
    )
    try {
      const tab = await site.open('/leave.html', { ready: false })
      await expect
        .poll(() => tab.evaluate(() => location.pathname).catch(() => 'navigating'))
        .toBe('/next.html')
      const premises = await tab.evaluate(() => [
        sessionStorage.getItem('viewed-before-leave'),
        sessionStorage.getItem('state-at-leave'),
      ])
      expect(premises).toEqual([
        'false',
        when === 'loaded' ? 'complete' : expect.stringMatching(/^(loading|interactive)$/),
      ])
      // /next.html is the next visit: it sends what the left page could not.
      await expect.poll(async () => (await site.stored('early')).length, { timeout: 30_000 }).toBe(30)
      const early = await site.stored('early')
      expect(early.map((e) => e.props.i)).toEqual(Array.from({ length: 30 }, (_, i) => i))
      // They belong to the visitor the next page knows.
      const next = await site.stored('page.viewed')
      expect(new Set([...early, ...next].map((e) => e.visitor_id)).size).toBe(1)
      await tab.close()
    } finally {
      for (const answer of held) answer()
    }
  })
