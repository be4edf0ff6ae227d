// A short chaos run in each engine: visits that track a burst of events and are left 0–300 ms
// later (the tab closed, or navigated away), while about 30 % of batches fail (500/503, 429 with
// Retry-After, dropped connections) and some visits are offline. Afterwards one page stays open
// until the collector holds everything: every tracked event exactly once, none lost.
// Size: LINGER_ENGINES_CHAOS_EVENTS (CI 150; LINGER_ENGINES_FULL=1 and `pnpm reliability
// --engines` 1,000).
import { mulberry32 } from '../../../packages/collector/src/seed/mulberry32'
import type { GateFault } from '../support/collectorGate'
import { enginesFull } from '../support/enginesFull'
import { lingerPage } from '../support/lingerPage'
import { expect, test } from '../support/test'
import type { Tab } from '../support/types'

const TARGET = Number(process.env.LINGER_ENGINES_CHAOS_EVENTS ?? (enginesFull ? 1000 : 150))
const SEED = Number(process.env.LINGER_CHAOS_SEED ?? 1)

test('chaos: every event tracked by pages left at once, through failures and offline, arrives exactly once', async ({
  site,
  engine,
}) => {
  test.setTimeout(Math.max(120_000, TARGET * 400))
  const rng = mulberry32(SEED)
  const faults: Record<string, number> = {}
  site.gate.chaos = (): GateFault | undefined => {
    const roll = rng()
    const fault: GateFault | undefined =
      roll < 0.15
        ? { status: rng() < 0.5 ? 500 : 503 }
        : roll < 0.25
          ? { status: 429, headers: { 'retry-after': '1' } }
          : roll < 0.3
            ? { drop: true }
            : undefined
    const key = fault ? ('drop' in fault ? 'drop' : String(fault.status)) : 'forwarded'
    faults[key] = (faults[key] ?? 0) + 1
    return fault
  }
  site.page(
    '/chaos.html',
    lingerPage({ config: { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] } }),
  )
  const tracked = new Set<string>()
  const rounds = { total: 0, twoTabs: 0, offline: 0, closed: 0, navigated: 0 }
  const started = Date.now()
  // A visit may be the next page in the tab the last visit left by navigating (the common case).
  let kept: Tab | undefined
  const modes: Record<string, string> = {}
  while (tracked.size < TARGET) {
    const round = ++rounds.total
    if (kept) await kept.goto(`${site.url}/chaos.html`)
    const tabs: Tab[] = [kept ?? (await site.open('/chaos.html'))]
    kept = undefined
    if (rng() < 0.25) {
      rounds.twoTabs++
      tabs.push(await site.open('/chaos.html'))
    }
    const offline = rng() < 0.2
    if (offline) {
      rounds.offline++
      // At the collector, in every engine alike, so the three runs face the same faults (the
      // engines' own offline modes are the offline scenario's).
      site.gate.refusing = true
    }
    await Promise.all(
      tabs.map((tab, t) => {
        const n = Math.min(TARGET - tracked.size, 40 + Math.floor(rng() * 80))
        const keys = Array.from({ length: Math.max(0, n) }, (_, i) => `${round}-${t}-${i}`)
        for (const k of keys) tracked.add(k)
        return tab.evaluate((list) => {
          const linger = (window as unknown as { linger: (...a: unknown[]) => void }).linger
          for (const k of list) linger('track', 'chaos', { k })
        }, keys)
      }),
    )
    // Left 0–300 ms after tracking, as a visitor who clicks on or closes the tab.
    await new Promise((done) => setTimeout(done, Math.floor(rng() * 300)))
    for (const [t, tab] of tabs.entries()) {
      modes[`${round}-${t}`] = `${tabs.length} tabs${offline ? ' offline' : ''}`
      if (rng() < 0.4) {
        modes[`${round}-${t}`] += ' closed'
        rounds.closed++
        await tab.close()
      } else if (!kept) {
        rounds.navigated++
        modes[`${round}-${t}`] += ' next'
        kept = tab // navigated by the next visit (pagehide, maybe into the bfcache)
      } else {
        rounds.navigated++
        await tab.goto(`${site.url}/engines/`) // another page of the site, then closed
        await tab.close()
      }
    }
    site.gate.refusing = false
  }
  // The end: the endpoint healthy, one page open until everything arrived.
  site.gate.chaos = undefined
  await kept?.close()
  const last = await site.open('/chaos.html')
  const count = async () => new Set((await site.stored('chaos')).map((e) => e.props.k)).size
  await expect
    .poll(count, { timeout: 90_000, intervals: [500] })
    .toBe(tracked.size)
    .catch(() => {})
  await last.close()

  const rows = await site.stored('chaos')
  const keys = rows.map((e) => String(e.props.k))
  const lost = [...tracked].filter((k) => !keys.includes(k))
  const result = {
    engine: engine.name,
    version: engine.version,
    seed: SEED,
    seconds: Math.round((Date.now() - started) / 1000),
    rounds,
    tracked: tracked.size,
    delivered: new Set(keys).size,
    lost: lost.length,
    requests: site.gate.log.length,
    faults,
  }
  console.log(`ENGINE-CHAOS ${JSON.stringify(result)}`)
  if (lost.length) {
    const byTab: Record<string, string> = {}
    for (const k of lost) {
      const at = k.split('-').slice(0, 2).join('-')
      byTab[at] = `${modes[at]}: ${lost.filter((l) => l.startsWith(`${at}-`)).length} lost`
    }
    console.log('lost by round-tab:', byTab)
  }
  expect(lost).toEqual([])
  expect(keys.filter((k) => !tracked.has(k))).toEqual([])
  // The collector stores each id once, and each tracked key got one id.
  expect(keys.length).toBe(new Set(keys).size)
})
