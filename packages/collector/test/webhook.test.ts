// @vitest-environment node
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Db, openDatabase } from '../src/db'
import { createApp } from '../src/server'
import { createWebhook, webhookFromEnv } from '../src/webhook'
import { SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const SECRET = 'a-test-secret-of-32-characters!!'

interface Hit {
  headers: IncomingMessage['headers']
  body: string
}
/** A local webhook receiver: logs every request and answers with the next planned status, or hangs. */
const hits: Hit[] = []
let plan: Array<number | 'hang'> = []
const hanging: ServerResponse[] = []
const receiver = createServer(async (req, res) => {
  let body = ''
  for await (const c of req) body += c
  hits.push({ headers: req.headers, body })
  const reply = plan.shift() ?? 200
  if (reply === 'hang') return void hanging.push(res)
  res.writeHead(reply).end()
})
let url = ''
let db: Db
beforeAll(async () => {
  await new Promise<void>((d) => receiver.listen(0, '127.0.0.1', d))
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  db = await openDatabase({ dataDir: 'memory://' })
}, SLOW)
afterAll(async () => {
  receiver.closeAllConnections()
  receiver.close()
  await db.close()
})
const reset = () => {
  hits.length = 0
  plan = []
}

const answer = (score: number, extra: Record<string, unknown> = {}) =>
  event({
    type: 'survey.answered',
    campaignId: 'nps-main',
    props: { survey: 'nps', score, scale: 10, ...extra },
  })

it('delivers each answer as a Slack-compatible body signed with HMAC-SHA256 of the body', async () => {
  reset()
  const hook = createWebhook({ url, secret: SECRET })
  const a = answer(3, { comment: 'Too slow' })
  hook.push([a, event({ type: 'page.viewed' })])
  await hook.flush()
  expect(hits).toHaveLength(1)
  const [{ headers, body }] = hits as [Hit]
  const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`
  expect(headers['x-linger-signature']).toBe(expected)
  expect(headers['content-type']).toBe('application/json')
  const json = JSON.parse(body)
  expect(json.text).toBe('NPS 3 (detractor) on shop (nps-main): “Too slow”')
  expect(json.event).toEqual(a)
  expect(hook.stats()).toEqual({ queued: 0, sent: 1, dropped: 0, requests: 1 })
})

it('retries after a 500 with back-off, the same signed body, and delivers once', async () => {
  reset()
  plan = [500, 503]
  const hook = createWebhook({ url, secret: SECRET, retryBaseMs: 5, random: () => 1 })
  hook.push([answer(9)])
  await hook.flush()
  expect(hits).toHaveLength(3)
  expect(new Set(hits.map((h) => h.body)).size).toBe(1)
  expect(new Set(hits.map((h) => h.headers['x-linger-signature'])).size).toBe(1)
  expect(hook.stats()).toMatchObject({ sent: 1, dropped: 0, requests: 3 })
})

it('gives up on a 4xx at once, and after maxAttempts on 5xx, counting what it dropped', async () => {
  reset()
  plan = [400, 500, 500]
  const errors: string[] = []
  const hook = createWebhook({
    url,
    secret: SECRET,
    maxAttempts: 2,
    retryBaseMs: 1,
    onError: (code) => errors.push(code),
  })
  hook.push([answer(1), answer(2)])
  await hook.flush()
  expect(hits).toHaveLength(3)
  expect(errors).toEqual(['rejected', 'gave-up'])
  expect(hook.stats()).toMatchObject({ sent: 0, dropped: 2 })
})

it('LINGER_WEBHOOK_FILTER=detractors posts NPS 0–6 only; CSAT, choices and promoters are not posted', async () => {
  reset()
  const hook = webhookFromEnv({
    LINGER_WEBHOOK_URL: url,
    LINGER_WEBHOOK_SECRET: SECRET,
    LINGER_WEBHOOK_FILTER: 'detractors',
  })!
  const csat = event({ type: 'survey.answered', props: { survey: 'csat', score: 1, scale: 5 } })
  hook.push([answer(9), csat, answer(6, { question: 'rec', index: 0 })])
  await hook.flush()
  expect(hits.map((h) => JSON.parse(h.body).text)).toEqual(['NPS 6 (detractor) to "rec" on shop (nps-main)'])
})

it('refuses settings that cannot work, naming the variable', () => {
  expect(webhookFromEnv({})).toBeUndefined()
  expect(() => webhookFromEnv({ LINGER_WEBHOOK_URL: 'ftp://x' })).toThrow(
    /LINGER_WEBHOOK_URL must be an http/,
  )
  expect(() => webhookFromEnv({ LINGER_WEBHOOK_URL: url })).toThrow(/LINGER_WEBHOOK_SECRET is required/)
  expect(() =>
    webhookFromEnv({ LINGER_WEBHOOK_URL: url, LINGER_WEBHOOK_SECRET: SECRET, LINGER_WEBHOOK_FILTER: 'all' }),
  ).toThrow(/LINGER_WEBHOOK_FILTER must be one of answers, detractors; got "all"/)
})

it('ingest answers while the webhook hangs; the queue stays bounded and drops the oldest', async () => {
  reset()
  plan = ['hang']
  const overflow: unknown[] = []
  const hook = createWebhook({
    url,
    secret: SECRET,
    maxQueue: 3,
    timeoutMs: 60_000,
    onError: (code, n) => code === 'overflow' && overflow.push(n),
  })
  const app = createApp({ db, onAccepted: hook.push })
  const first = await app.request('/v1/batch', post(batch([answer(0)])))
  expect(first.status).toBe(200)
  // The webhook got the first answer and has not answered it …
  await expect.poll(() => hits.length).toBe(1)
  expect(hanging).toHaveLength(1)
  // … while ten more batches are stored and answered, each one without waiting for it.
  for (let i = 0; i < 10; i++) {
    const res = await app.request('/v1/batch', post(batch([answer(i)])))
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 })
  }
  expect(hits).toHaveLength(1)
  expect(hanging).toHaveLength(1)
  const rows = await db.query<{ n: number }>(
    `select count(*) as n from events where type = 'survey.answered'`,
  )
  expect(rows.rows[0]!.n).toBe(11)
  // In flight + 2 waiting (maxQueue 3): 8 of the 10 dropped, oldest first, and counted.
  expect(hook.stats()).toMatchObject({ queued: 3, dropped: 8 })
  expect(overflow.reduce((a: number, n) => a + (n as number), 0)).toBe(8)
  // The hanging request is released: the rest goes out, newest kept.
  hanging.shift()!.writeHead(200).end()
  await hook.flush()
  expect(hits.slice(1).map((h) => JSON.parse(h.body).event.props.score)).toEqual([8, 9])
})

it(
  'the collector started from its environment posts each stored answer to LINGER_WEBHOOK_URL once',
  async () => {
    reset()
    const { startServer } = await import('../src/server/startServer')
    const server = await startServer({
      PORT: '0',
      LINGER_DATA_DIR: 'memory://',
      LINGER_WEBHOOK_URL: url,
      LINGER_WEBHOOK_SECRET: SECRET,
    })
    try {
      const a = answer(4)
      for (let i = 0; i < 2; i++) {
        // Sent twice (a retried batch): stored once, posted once.
        const res = await fetch(`${server.url}/v1/batch`, post(batch([a])))
        expect(res.status).toBe(200)
      }
      await expect.poll(() => hits.length).toBe(1)
      expect(JSON.parse(hits[0]!.body).event.id).toBe(a.id)
    } finally {
      await server.stop()
    }
  },
  SLOW,
)
