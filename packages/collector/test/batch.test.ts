// @vitest-environment node
import { expect, it } from 'vitest'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'
import { batch, event, post } from './helpers/events'

forEachDatabase('POST /v1/batch stores', (db) => {
  const app = () => createApp({ db: db() })
  const count = async (id: string) =>
    (await db().query<{ n: number }>('select count(*) as n from events where id = $1', [id])).rows[0]!.n

  it('accepts a batch, stores each event once, and answers re-sends with 2xx', async () => {
    const a = event({ type: 'page.viewed', userId: 'u1', campaignId: 'c', variant: 'a', props: { x: [1] } })
    const b = event({ type: 'campaign.shown' })
    let res = await app().request('/v1/batch', post(batch([a, b])))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0 })
    res = await app().request('/v1/batch', post(batch([a, b])))
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 2 })
    // An id repeated inside one batch, as a crashed flush + retry can produce.
    const c = event({ type: 'purchase' })
    res = await app().request('/v1/batch', post(batch([c, c, a]), 'text/plain;charset=UTF-8'))
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 2 })
    expect([await count(a.id), await count(b.id), await count(c.id)]).toEqual([1, 1, 1])
    const row = (await db().query('select * from events where id = $1', [a.id])).rows[0]
    expect(row).toMatchObject({
      site: 'shop',
      type: 'page.viewed',
      ts: new Date(a.ts),
      visitor_id: a.visitorId,
      session_id: a.sessionId,
      user_id: 'u1',
      campaign_id: 'c',
      variant: 'a',
      url: a.url,
      props: { x: [1] },
    })
  })

  it('accepts every answer type of a survey flow, exactly as the survey widget sends them', async () => {
    const answers = [
      { survey: 'nps', question: 'rec', index: 0, score: 3, scale: 10 },
      { survey: 'csat', question: 'sat', index: 1, score: 2, scale: 3 },
      { survey: 'ces', question: 'easy', index: 2, score: 7, scale: 7 },
      { survey: 'single', question: 'which', index: 3, choice: 'other', other: 'A podcast' },
      { survey: 'multi', question: 'many', index: 4, choices: ['x', 'z'] },
      { survey: 'text', question: 'why', index: 5, comment: 'Slow' },
    ]
    const events = [
      ...answers.map((props) => event({ type: 'survey.answered', props })),
      event({ type: 'survey.completed', props: { answered: 6, ms: 5400 } }),
    ]
    const res = await app().request('/v1/batch', post(batch(events)))
    expect(await res.json()).toEqual({ accepted: 7, duplicates: 0 })
  })

  it('accepts exactly 500 events in one batch', async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({
      ...{ id: `max-${i}`, type: 't', ts: '2026-01-01T00:00Z', site: 's' },
      ...{ visitorId: 'v', sessionId: 's', url: '/' },
    }))
    const res = await app().request('/v1/batch', post({ site: 's', events }))
    expect(await res.json()).toEqual({ accepted: 500, duplicates: 0 })
    expect((await db().query(`select count(*) as n from events where id like 'max-%'`)).rows).toEqual([
      { n: 500 },
    ])
  })

  it('keeps push_subscriptions in step with push.subscribed / push.unsubscribed, once per event', async () => {
    const subscription = { endpoint: 'https://push.example/abc', keys: { p256dh: 'k', auth: 'a' } }
    const sub = event({
      type: 'push.subscribed',
      visitorId: 'pv',
      campaignId: 'push-optin',
      props: { subscription },
    })
    const unsub = event({
      type: 'push.unsubscribed',
      visitorId: 'pv',
      ts: '2026-01-16T00:00:00Z',
      props: { subscription },
    })
    const rows = async () =>
      (await db().query('select endpoint, keys, visitor_id, campaign_id, site from push_subscriptions')).rows
    await app().request('/v1/batch', post(batch([sub])))
    expect(await rows()).toEqual([
      {
        endpoint: subscription.endpoint,
        keys: subscription.keys,
        visitor_id: 'pv',
        campaign_id: 'push-optin',
        site: 'shop',
      },
    ])
    await app().request('/v1/batch', post(batch([unsub])))
    expect(await rows()).toEqual([])
    // A late re-send of the old subscribe event is a duplicate and must not resurrect the row.
    expect(await (await app().request('/v1/batch', post(batch([sub])))).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    })
    expect(await rows()).toEqual([])
  })
})

forEachDatabase('dropped counts reported by batches', (db) => {
  const app = () => createApp({ db: db(), adminToken: 'secret' })

  it('are stored once per batch and summed in the report as delivery.droppedOnDevices', async () => {
    const first = batch([event({ type: 'a' }), event({ type: 'b' })])
    const again = { ...first, sentAt: '2026-01-15T12:05:00Z' } // the same batch after a lost answer
    const next = batch([event({ type: 'c' })])
    const otherSite = batch([event({ type: 'd', site: 'other' })], 'other')
    for (const body of [
      { ...first, dropped: 5 },
      { ...again, dropped: 5 },
      { ...next, dropped: 2 },
      { ...otherSite, dropped: 9 },
      batch([event({ type: 'e' })]),
    ])
      expect((await app().request('/v1/batch', post(body))).status).toBe(200)
    const hour = 3600_000
    const period = `from=${new Date(Date.now() - hour).toISOString()}&to=${new Date(Date.now() + hour).toISOString()}`
    const report = async (site: string) =>
      (await (
        await app().request(`/v1/report?site=${site}&${period}`, {
          headers: { authorization: 'Bearer secret' },
        })
      ).json()) as { delivery: { droppedOnDevices: number } }
    expect((await report('shop')).delivery).toEqual({ droppedOnDevices: 7 })
    expect((await report('other')).delivery).toEqual({ droppedOnDevices: 9 })
  })
})
