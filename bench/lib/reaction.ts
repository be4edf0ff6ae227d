import type { Browser, Page } from '@playwright/test'
import { isolatedContext } from './browser'
import type { BenchServer } from './server'

type Probe = { __outAt?: number; __shownAt?: number; __clickAt?: number; __storedAt?: number }

// In the page: stamp the first mouseout that leaves through the top, then watch every frame for
// the pop-up's dialog to be laid out inside <linger-widget>'s shadow root.
export const probeExit = () => {
  const w = window as unknown as Probe
  const visible = () => {
    for (const host of document.querySelectorAll('linger-widget')) {
      const dialog = host.shadowRoot?.querySelector('[role="dialog"]')
      const box = dialog?.getBoundingClientRect()
      if (box && box.width > 0 && box.height > 0) return true
    }
    return false
  }
  const frame = () => {
    if (visible()) w.__shownAt = performance.now()
    else requestAnimationFrame(frame)
  }
  document.addEventListener('mouseout', (e) => {
    if (w.__outAt !== undefined || e.relatedTarget || e.clientY > 20) return
    w.__outAt = performance.now()
    requestAnimationFrame(frame)
  })
}

/** Down into the page, then up and out through the top edge, as in the e2e exit tests. */
async function leave(page: Page) {
  await page.mouse.move(300, 450, { steps: 4 })
  await page.mouse.move(300, 120, { steps: 4 })
  await page.mouse.move(300, -10, { steps: 4 })
}

async function exitOnce(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/p/linger.html?hold`, { waitUntil: 'load' })
  // The sensor arms 3 s after linger.js ran (real time: a fake clock would fake performance.now
  // too). Under load the script may run late, so an exit before it armed is retried.
  await page.waitForFunction(() => performance.now() > 3300, null, { polling: 100 })
  for (let attempt = 0; ; attempt++) {
    await leave(page)
    const shown = await page
      .waitForFunction(() => (window as unknown as Probe).__shownAt !== undefined, null, { timeout: 3000 })
      .then(() => true)
      .catch(() => false)
    if (shown) break
    if (attempt === 4) throw new Error('bench: the exit pop-up never showed')
    await page.evaluate(() => {
      ;(window as unknown as Probe).__outAt = undefined
    })
  }
  return page.evaluate(() => {
    const w = window as unknown as Probe
    return w.__shownAt! - w.__outAt!
  })
}

/**
 * Exit gesture → visible pop-up, twice per context: the first show of the page's life (chunk
 * fetched by the idle prefetch, not yet run), then a new visit with the chunk in the HTTP cache
 * (the origin's storage cleared in between, so frequency caps don't hide the second pop-up).
 */
export async function exitReaction(browser: Browser, server: BenchServer, runs: number) {
  const first: number[] = []
  const cached: number[] = []
  let refetched = 0
  for (let i = 0; i < runs; i++) {
    // No routing here: it would switch off the HTTP cache the second visit is about.
    const context = await isolatedContext(browser, { route: false })
    await context.addInitScript(probeExit)
    const page = await context.newPage()
    first.push(await exitOnce(page, server.origin))
    await page.goto(`${server.origin}/blank.html`)
    await page.evaluate(async () => {
      for (const db of await indexedDB.databases())
        await new Promise((done) => {
          const r = indexedDB.deleteDatabase(db.name!)
          r.onsuccess = r.onerror = r.onblocked = done
        })
      localStorage.clear()
      sessionStorage.clear()
    })
    await context.clearCookies()
    const before = server.hits.get('/embed-dist/linger-widgets.js') ?? 0
    cached.push(await exitOnce(page, server.origin))
    if ((server.hits.get('/embed-dist/linger-widgets.js') ?? 0) > before) refetched++
    await context.close()
  }
  return { first, cached, refetched }
}

// In the page: stamp the click on a score, then poll IndexedDB until survey.answered is stored.
const probeAnswer = () => {
  const w = window as unknown as Probe
  const stored = () =>
    new Promise<boolean>((done) => {
      const open = indexedDB.open('linger')
      open.onerror = () => done(false)
      open.onsuccess = () => {
        const db = open.result
        if (!db.objectStoreNames.contains('queue')) {
          db.close()
          return done(false)
        }
        const all = db.transaction('queue', 'readonly').objectStore('queue').getAll()
        all.onsuccess = () => {
          db.close()
          done(JSON.stringify(all.result).includes('survey.answered'))
        }
        all.onerror = () => {
          db.close()
          done(false)
        }
      }
    })
  const poll = async () => {
    while (!(await stored()));
    w.__storedAt = performance.now()
  }
  addEventListener(
    'click',
    () => {
      if (w.__clickAt !== undefined) return
      w.__clickAt = performance.now()
      void poll()
    },
    true,
  )
}

/** Survey answer (a click on a score) → the survey.answered event stored in IndexedDB. */
export async function answerReaction(browser: Browser, server: BenchServer, runs: number) {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await isolatedContext(browser)
    await context.addInitScript(probeAnswer)
    const page = await context.newPage()
    await page.goto(`${server.origin}/p/linger.html?hold`, { waitUntil: 'load' })
    await page.waitForFunction(() => typeof (window as unknown as { linger?: unknown }).linger === 'function')
    await page.evaluate(() => (window as unknown as { linger(...a: unknown[]): void }).linger('show', 'nps'))
    await page.getByRole('radio', { name: '8', exact: true }).click()
    await page.waitForFunction(() => (window as unknown as Probe).__storedAt !== undefined, null, {
      timeout: 15_000,
    })
    times.push(
      await page.evaluate(() => {
        const w = window as unknown as Probe
        return w.__storedAt! - w.__clickAt!
      }),
    )
    await context.close()
  }
  return times
}
