// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Db, openDatabase } from '../src/db'
import { createRelay } from '../src/relay'
import { createApp } from '../src/server'
import { SLOW } from './helpers/databases'
import { batch, event } from './helpers/events'

let db: Db
const got: { batch: { messageId: string }[] }[] = []
const pipeline = createServer(async (req, res) => {
  let raw = ''
  for await (const c of req) raw += c
  got.push(JSON.parse(raw))
  res.end('{}')
})
beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' })
  await new Promise<void>((d) => pipeline.listen(0, '127.0.0.1', d))
}, SLOW)
afterAll(async () => {
  await db.close()
  pipeline.close()
})

it('relays each accepted event once, duplicates not again', async () => {
  const relay = createRelay({
    format: 'segment',
    url: `http://127.0.0.1:${(pipeline.address() as AddressInfo).port}/v1/batch`,
    writeKey: 'k',
  })
  const app = createApp({ db, onAccepted: relay.push, rateLimit: false })
  const events = [event({ type: 'campaign.shown' }), event({ type: 'purchase' })]
  const body = JSON.stringify(batch(events))
  const post = () =>
    app.request('/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  expect(await (await post()).json()).toEqual({ accepted: 2, duplicates: 0 })
  expect(await (await post()).json()).toEqual({ accepted: 0, duplicates: 2 })
  await relay.flush()
  expect(got.flatMap((b) => b.batch.map((c) => c.messageId))).toEqual(events.map((e) => e.id))
})
