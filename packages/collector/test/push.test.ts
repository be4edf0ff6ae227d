// @vitest-environment node

import { afterAll, beforeAll, expect, it } from 'vitest'
import webpush from 'web-push'
import { MAX_PAYLOAD_BYTES } from '../src/push'
import { createApp } from '../src/server'
import { forEachDatabase, SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'
import { startPushService } from './helpers/pushService'

let service: Awaited<ReturnType<typeof startPushService>>
const keys = webpush.generateVAPIDKeys()
const vapid = { ...keys, subject: 'mailto:ops@shop.example' }

beforeAll(async () => {
  service = await startPushService()
}, SLOW)
afterAll(() => service.stop())

forEachDatabase('push sending', (db) => {
  const app = () => createApp({ db: db(), adminToken: 't', vapid, pushTestOrigins: [service.origin] })
  const send = (body: unknown) =>
    app().request('/v1/push', post(body, 'application/json', { authorization: 'Bearer t' }))
  const endpoints = async () =>
    (
      await db().query<{ endpoint: string }>('select endpoint from push_subscriptions order by endpoint')
    ).rows.map((r) => r.endpoint)
  let subs: Array<Awaited<ReturnType<typeof service.subscribe>>>

  beforeAll(async () => {
    // Three browsers subscribe; their SDKs report it to the collector as push.subscribed.
    subs = [
      await service.subscribe(keys.publicKey),
      await service.subscribe(keys.publicKey),
      await service.subscribe(keys.publicKey),
    ]
    const events = subs.map(({ clientHash: _, ...subscription }, i) =>
      event({
        type: 'push.subscribed',
        visitorId: `pv${i}`,
        campaignId: i === 1 ? 'other-optin' : 'push-optin',
        props: { subscription },
      }),
    )
    expect((await app().request('/v1/batch', post(batch(events)))).status).toBe(200)
  }, SLOW)

  it('delivers an encrypted message to a campaign segment and deletes subscriptions that are gone (410)', async () => {
    await service.expire(subs[2]!.clientHash)
    const res = await send({
      site: 'shop',
      campaign: 'push-optin',
      title: 'Back in stock',
      body: 'The blue mug',
      url: '/p/mug',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ targeted: 2, sent: 1, removed: 1, failed: [] })
    expect((await service.messages(subs[0]!.clientHash)).map((m) => JSON.parse(m))).toEqual([
      {
        linger: true,
        title: 'Back in stock',
        body: 'The blue mug',
        url: '/p/mug',
        site: 'shop',
        campaignId: 'push-optin',
      },
    ])
    expect(await service.messages(subs[1]!.clientHash)).toEqual([]) // not in the segment
    expect(await endpoints()).toEqual([subs[0]!.endpoint, subs[1]!.endpoint].sort())
  })

  it('sends to one visitor', async () => {
    const res = await send({ site: 'shop', visitor: 'pv1', title: 'Just for you' })
    expect(await res.json()).toMatchObject({ targeted: 1, sent: 1 })
    expect((await service.messages(subs[1]!.clientHash)).map((m) => JSON.parse(m).title)).toEqual([
      'Just for you',
    ])
  })

  it('refuses a payload over 3,000 bytes and sends nothing', async () => {
    const before = await service.messages(subs[0]!.clientHash)
    const res = await send({ site: 'shop', title: 'x', body: 'y'.repeat(MAX_PAYLOAD_BYTES) })
    expect(res.status).toBe(413)
    expect((await res.json()).error).toMatch(/more than 3000/)
    expect(await service.messages(subs[0]!.clientHash)).toEqual(before)
  })

  it('refuses javascript: URLs and explains missing VAPID keys', async () => {
    const bad = await send({ site: 'shop', title: 'x', url: 'javascript:alert(1)' })
    expect(bad.status).toBe(400)
    const noKeys = createApp({ db: db(), adminToken: 't' })
    const res = await noKeys.request(
      '/v1/push',
      post({ site: 'shop', title: 'x' }, 'application/json', { authorization: 'Bearer t' }),
    )
    expect(res.status).toBe(503)
    expect((await res.json()).error).toContain('LINGER_VAPID_PUBLIC_KEY')
  })
})
