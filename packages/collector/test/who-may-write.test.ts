// @vitest-environment node
// Finding 5 of issue 25: LINGER_ORIGINS only set CORS headers, so a text/plain POST from any
// origin, or from no browser at all, was stored for any site; and event ids were unique across
// all sites, so one site's id swallowed another's event.
import { expect, it } from 'vitest'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'
import { batch, event, post } from './helpers/events'

forEachDatabase('who may write', (db) => {
  const origins = ['shop=https://shop.example', 'shop=https://www.shop.example', 'https://all-sites.example']
  const send = (site: string, origin?: string, app = createApp({ db: db(), origins })) => {
    const e = event({ type: 'page.viewed', site })
    return {
      e,
      res: app.request('/v1/batch', post(batch([e], site), 'text/plain', origin ? { origin } : {})),
    }
  }
  const stored = async (id: string) =>
    (await db().query<{ n: number }>('select count(*) as n from events where id = $1', [id])).rows[0]!.n

  it('refuses a batch from an origin not listed for its site, or without an Origin, with a 403 and the reason', async () => {
    for (const [site, origin] of [
      ['shop', 'https://evil.example'],
      ['shop', 'null'], // sandboxed frames, file: pages
      ['shop', 'http://shop.example'], // another scheme is another origin
      ['shop', undefined], // curl, a script: no browser
      ['blog', 'https://shop.example'], // listed, but for another site
    ] as const) {
      const { e, res } = send(site, origin)
      const answer = await res
      expect(answer.status, `${site} from ${origin}`).toBe(403)
      const body = (await answer.json()) as {
        error: string
        issues: Array<{ path: string; message: string }>
      }
      expect(body.error).toBe('origin may not write to this site')
      expect(body.issues[0]!.path).toBe('site')
      expect(body.issues[0]!.message).toContain('LINGER_ORIGINS')
      expect(await stored(e.id)).toBe(0)
    }
  })

  it("stores a batch from the site's own origins, and from origins listed for every site", async () => {
    for (const [site, origin] of [
      ['shop', 'https://shop.example'],
      ['shop', 'https://www.shop.example'],
      ['shop', 'https://all-sites.example'],
      ['blog', 'https://all-sites.example'],
    ] as const) {
      const { e, res } = send(site, origin)
      expect((await res).status, `${site} from ${origin}`).toBe(200)
      expect(await stored(e.id)).toBe(1)
    }
  })

  it('a plain list (the old form) is enforced too; CORS allows every origin named; no list is open', async () => {
    const plain = createApp({ db: db(), origins: ['https://shop.example'] })
    expect((await send('shop', 'https://evil.example', plain).res).status).toBe(403)
    expect((await send('any', 'https://shop.example', plain).res).status).toBe(200)
    const preflight = await createApp({ db: db(), origins }).request('/v1/batch', {
      method: 'OPTIONS',
      headers: { origin: 'https://www.shop.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.shop.example')
    const open = createApp({ db: db() })
    expect((await send('shop', 'https://anywhere.example', open).res).status).toBe(200)
    expect((await send('shop', undefined, open).res).status).toBe(200)
  })

  it('refuses to start with an entry that is not an origin, naming the variable', () => {
    expect(() => createApp({ db: db(), origins: ['shop.example'] })).toThrow(/LINGER_ORIGINS: "shop.example"/)
    expect(() => createApp({ db: db(), origins: ['=https://a.example'] })).toThrow(/names no site/)
  })

  it("de-duplicates event ids per site: one site's id never swallows another's event", async () => {
    const app = createApp({ db: db() })
    const id = 'same-id-on-two-sites'
    const on = (site: string) => post(batch([event({ type: 'page.viewed', site, id })], site))
    expect(await (await app.request('/v1/batch', on('site-a'))).json()).toEqual({
      accepted: 1,
      duplicates: 0,
    })
    expect(await (await app.request('/v1/batch', on('site-b'))).json()).toEqual({
      accepted: 1,
      duplicates: 0,
    })
    expect(await (await app.request('/v1/batch', on('site-b'))).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    })
    const sites = await db().query<{ site: string }>('select site from events where id = $1 order by site', [
      id,
    ])
    expect(sites.rows).toEqual([{ site: 'site-a' }, { site: 'site-b' }])
  })

  it("keeps push subscriptions per site: another site's event cannot move a subscriber", async () => {
    const app = createApp({ db: db() })
    const subscription = {
      endpoint: 'https://fcm.googleapis.com/fcm/send/shared',
      keys: { p256dh: 'k', auth: 'a' },
    }
    for (const site of ['site-a', 'site-b'])
      await app.request(
        '/v1/batch',
        post(batch([event({ type: 'push.subscribed', site, props: { subscription } })], site)),
      )
    const rows = await db().query<{ site: string }>(
      'select site from push_subscriptions where endpoint = $1 order by site',
      [subscription.endpoint],
    )
    expect(rows.rows).toEqual([{ site: 'site-a' }, { site: 'site-b' }])
  })
})
