import { randomUUID } from 'node:crypto'
import { test as base } from '@playwright/test'
import { createApp, type Db, openDatabase } from '../../../packages/collector/src/index'
import { type FixtureServer, startFixtureServer } from '../../support/server'
import { collectorGate } from './collectorGate'
import { launchEngine } from './launchEngine'
import type { Engine, EngineName, PhoneTab, Tab } from './types'

/** An event row as the collector stored it. */
export interface Stored {
  id: string
  type: string
  visitor_id: string
  user_id: string | null
  campaign_id: string | null
  props: Record<string, unknown>
}

export interface Site {
  /** This test's site id: events of other tests never match it. */
  id: string
  url: string
  server: FixtureServer
  gate: ReturnType<typeof collectorGate>
  /** Serves `html` at `path` on this test's origin, with optional response headers. */
  page(path: string, html: string, headers?: Record<string, string>): void
  /** Events the collector stored for this site (one row per id), oldest first. */
  stored(type?: string): Promise<Stored[]>
  /** Opens a tab on `path` of this test's origin; waits until linger.js has replaced the stub. */
  open(path: string, opts?: { ready?: boolean }): Promise<Tab>
  /** The same on an emulated phone (only where `engine.can.touch`). */
  openPhone(path: string): Promise<PhoneTab>
  /** Offline: the engine's own offline mode where its driver has one, else refused at the server. */
  offline(on: boolean): Promise<string>
}

type WorkerFixtures = { engineName: EngineName; engine: Engine; db: Db }

/**
 * The cross-engine suite's `test`: one browser per worker for the project's engine, one real
 * collector (in-memory PGlite) per worker, and per test a fresh fixture server on its own port
 * (so a fresh origin, whose storage no earlier test touched) with the collector behind a gate.
 */
export const test = base.extend<{ site: Site }, WorkerFixtures>({
  engineName: ['chromium', { option: true, scope: 'worker' }],
  engine: [
    async ({ engineName }, use) => {
      const engine = await launchEngine(engineName)
      console.log(`engine: ${engineName} = ${engine.version}, driven by ${engine.driver}`)
      await use(engine)
      await engine.close()
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  db: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const db = await openDatabase({ dataDir: 'memory://' })
      await use(db)
      await db.close()
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  site: async ({ engine, db }, use, info) => {
    const server = await startFixtureServer()
    const gate = collectorGate(createApp({ db, rateLimit: false }))
    server.route('/v1/batch', gate.handle)
    const id = `${info.project.name}-${randomUUID().slice(0, 8)}`
    const site: Site = {
      id,
      url: server.url,
      server,
      gate,
      page(path, html, headers = {}) {
        server.route(path, (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers })
          res.end(html)
        })
      },
      async stored(type) {
        const { rows } = await db.query<Stored>(
          `select id, type, visitor_id, user_id, campaign_id, props from events
           where site = $1 ${type ? 'and type = $2' : ''} order by id`,
          type ? [id, type] : [id],
        )
        return rows
      },
      async open(path, { ready = true } = {}) {
        const tab = await engine.newTab()
        await tab.goto(server.url + path)
        if (ready) await waitIn(tab, () => (window as { linger?: { loaded?: 1 } }).linger?.loaded === 1)
        return tab
      },
      async openPhone(path) {
        const tab = await engine.phoneTab()
        await tab.goto(server.url + path)
        await waitIn(tab, () => (window as { linger?: { loaded?: 1 } }).linger?.loaded === 1)
        return tab
      },
      async offline(on) {
        if (engine.can.offline) {
          await engine.setOffline(on)
          return 'the browser offline'
        }
        gate.refusing = on
        return `emulated: ${engine.why.offline}`
      },
    }
    await use(site)
    await engine.reset()
    gate.refusing = false
    await server.close()
  },
})

/** Polls `fn` in the page until it returns truthy (default 20 s); returns that value. */
export async function waitIn<R, A>(
  tab: Tab,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  timeout = 20_000,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await tab.evaluate(fn, arg as A)
    if (value) return value as NonNullable<R>
    if (Date.now() > deadline)
      throw new Error(`waitIn: ${fn.toString().slice(0, 120)} still false after ${timeout} ms`)
    await new Promise((done) => setTimeout(done, 100))
  }
}

export { expect } from '@playwright/test'
