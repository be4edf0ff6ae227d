// @vitest-environment node
// Finding 5 of issue 25: push.subscribed took any http(s) endpoint, so a later send made the
// collector call addresses inside its own network. Endpoints are now checked at ingest (https,
// default port, public host) and again at send time, with the host's DNS answer.
import { expect, it } from 'vitest'
import webpush from 'web-push'
import { sendPush } from '../src/push'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const keys = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'AAAAAAAAAAAAAAAAAAAAAA' }
const subscribed = (endpoint: string) =>
  event({ type: 'push.subscribed', campaignId: 'push-optin', props: { subscription: { endpoint, keys } } })

const refused = [
  'http://fcm.googleapis.com/fcm/send/x', // not https
  'https://127.0.0.1/x',
  'https://0x7f.1/x', // 127.0.0.1 written in hex
  'https://10.1.2.3/x',
  'https://172.20.0.1/x',
  'https://192.168.1.1/x',
  'https://100.64.0.1/x', // carrier-grade NAT
  'https://169.254.169.254/latest/meta-data', // cloud metadata, link-local
  'https://[::1]/x',
  'https://[fe80::1]/x',
  'https://[fd00::1]/x',
  'https://[::ffff:127.0.0.1]/x',
  'https://localhost/x',
  'https://api.localhost/x',
  'https://metadata.google.internal/x',
  'https://printer.local/x',
  'https://intranet/x', // a single label resolves through the collector's search domains
  'https://fcm.googleapis.com:8443/x',
  'https://user:secret@fcm.googleapis.com/x',
  'javascript:alert(1)',
]

forEachDatabase('push endpoints', (db) => {
  it.each(refused)('refuses %s at ingest with a path', async (endpoint) => {
    const res = await createApp({ db: db() }).request('/v1/batch', post(batch([subscribed(endpoint)])))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { issues: Array<{ path: string }> }
    expect(body.issues.map((i) => i.path)).toEqual(['events[0].props.subscription.endpoint'])
  })

  it('accepts the push services browsers use', async () => {
    const endpoints = [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://web.push.apple.com/QGx',
      'https://wns2-par02p.notify.windows.com/w/?token=x',
      'https://[2a00:1450:4001:80b::200a]/fcm/send/x',
    ]
    const res = await createApp({ db: db() }).request('/v1/batch', post(batch(endpoints.map(subscribed))))
    expect(await res.json()).toEqual({ accepted: endpoints.length, duplicates: 0 })
  })

  it('checks again at send time: a name that resolves inside the network is never called', async () => {
    // Stored before this check existed, or a public name since re-pointed at a private address.
    const rows = [
      ['https://push.attacker.example/a', '10.0.0.5'],
      ['https://rebind.attacker.example/b', 'fd12::1'],
      ['https://127.0.0.1/c', ''],
    ] as const
    for (const [endpoint] of rows)
      await db().query(
        `insert into push_subscriptions (endpoint, keys, site, visitor_id) values ($1, $2, 'send-check', 'v')`,
        [endpoint, JSON.stringify(keys)],
      )
    const called: string[] = []
    const result = await sendPush(
      db(),
      { site: 'send-check' },
      { title: 'hi' },
      {
        vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@shop.example' },
        fetch: async (url) => {
          called.push(String(url))
          return new Response(null, { status: 201 })
        },
        lookup: async (host) => [{ address: rows.find(([e]) => e.includes(host))![1] }],
      },
    )
    expect(called).toEqual([])
    expect(result.sent).toBe(0)
    expect(result.failed.map((f) => [f.endpoint, f.error]).sort()).toEqual([
      ['https://127.0.0.1/c', 'endpoint must not be a private, loopback or link-local address'],
      [
        'https://push.attacker.example/a',
        'endpoint resolves to a private, loopback or link-local address (10.0.0.5)',
      ],
      [
        'https://rebind.attacker.example/b',
        'endpoint resolves to a private, loopback or link-local address (fd12::1)',
      ],
    ])
  })
})
