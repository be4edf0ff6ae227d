// Storage faults in each engine: IndexedDB missing, `indexedDB.open` throwing, every write over
// quota. Each fault is set up by the page's first script, before linger.js runs (what an init
// script would do; WebDriver classic has none). linger.js goes on from memory: the events
// still reach the collector, debug mode says why, and the page sees no error.
import { lingerPage } from '../support/lingerPage'
import { expect, test } from '../support/test'
import { watchPage } from '../support/watchPage'

const faults: Record<string, string> = {
  'IndexedDB missing': `Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true })`,
  'indexedDB.open throws': `IDBFactory.prototype.open = () => { throw new DOMException('blocked by policy', 'SecurityError') }`,
  'every write is over quota': `IDBObjectStore.prototype.put = IDBObjectStore.prototype.add = () => { throw new DOMException('over quota', 'QuotaExceededError') }`,
}

for (const [name, fault] of Object.entries(faults))
  test(`${name}: events arrive from memory, debug mode says so, no page error`, async ({ site }) => {
    site.page(
      '/s.html',
      lingerPage({
        config: { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] },
        watch: true,
        before: fault,
      }),
    )
    const tab = await site.open('/s.html?linger_debug=1')
    await tab.evaluate(() => {
      const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
      for (let i = 0; i < 12; i++) linger('track', 'from-memory', { i })
    })
    await expect
      .poll(async () => (await site.stored('from-memory')).map((e) => e.props.i), { timeout: 30_000 })
      .toEqual(Array.from({ length: 12 }, (_, i) => i))
    await expect
      .poll(async () => (await watchPage.read(tab)).logs.join('\n'))
      .toMatch(/linger pipeline: kv: IndexedDB is unavailable/)
    const seen = await watchPage.read(tab)
    expect(seen.errors).toEqual([])
    expect(seen.logs.filter((l) => l.startsWith('error:'))).toEqual([])
  })
