import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { openDatabase } from '../db'
import { testOriginsFromEnv, vapidFromEnv } from '../push'
import { relayFromEnv } from '../relay'
import { webhookFromEnv } from '../webhook'
import { createApp } from './app'

/**
 * Starts the collector from the environment (docs/contract.md, "Collector"): PORT (8787, 0 = any free
 * port), HOST (127.0.0.1), DATABASE_URL or LINGER_DATA_DIR (.linger-data), LINGER_ADMIN_TOKEN,
 * LINGER_ORIGINS, LINGER_VAPID_*, LINGER_PUSH_TEST_ORIGINS, LINGER_TRUST_PROXY, LINGER_RELAY_*,
 * LINGER_WEBHOOK_URL / _SECRET / _FILTER. Prints `linger collector listening on http://HOST:PORT`.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env) {
  // LINGER_RELAY_*: a setting that cannot work stops the start, naming the variable.
  const relay = relayFromEnv(env)
  const webhook = webhookFromEnv(env)
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.LINGER_DATA_DIR || '.linger-data',
  })
  const host = env.HOST || '127.0.0.1'
  const app = createApp({
    db,
    adminToken: env.LINGER_ADMIN_TOKEN || undefined,
    origins: (env.LINGER_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    vapid: vapidFromEnv(env),
    pushTestOrigins: testOriginsFromEnv(env),
    trustProxy: Number(env.LINGER_TRUST_PROXY) || 0,
    // First copies only, after their batch commits; both only queue, so ingest never waits on them.
    onAccepted: (fresh) => {
      relay?.push(fresh)
      webhook?.push(fresh)
    },
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: Number(env.PORT || 8787), hostname: host }, () => resolve(s))
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  console.log(`linger collector listening on ${url}`)
  if (!env.LINGER_ORIGINS?.trim())
    console.log('linger collector: LINGER_ORIGINS is not set; any page or client may write to any site')
  if (!env.LINGER_ADMIN_TOKEN)
    console.log('linger collector: LINGER_ADMIN_TOKEN is not set; report and dashboard disabled')
  const stop = async () => {
    await new Promise((done) => server.close(done))
    await relay?.close()
    await db.close()
  }
  return { url, port, stop }
}
