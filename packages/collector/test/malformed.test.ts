// @vitest-environment node
import { expect, it } from 'vitest'
import type { Db } from '../src/db'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const ok = () => event({ type: 'page.viewed' })
// 501 of these stay under 64 KiB, so the count limit (not the size limit) is what answers.
const tiny = (i: number) => ({
  id: `${i}`,
  type: 't',
  ts: '2026-01-01T00:00Z',
  site: 's',
  visitorId: 'v',
  sessionId: 's',
  url: '/',
})
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) })
/** A batch whose first event's `member` holds arrays `depth` deep, as text: JSON.stringify would overflow. */
const deepText = (member: string, depth: number) =>
  JSON.stringify(batch([ok()])).replace(
    '"props":{}',
    `"${member}":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  )
const flowAnswer = (props: Record<string, unknown>) => ({ question: 'q1', index: 0, ...props })
const purchase = (value: unknown) =>
  event({ type: 'purchase', props: { orderId: 'o1', value, currency: 'EUR' } })

/** [name, request init, expected status, expected issue path (or undefined), expected error text] */
const corpus: Array<[string, RequestInit, number, string | undefined, string]> = [
  ['bad JSON', post('{"site":"shop",'), 400, '', 'not valid JSON'],
  ['empty body', post(''), 400, '', 'not valid JSON'],
  ['invalid UTF-8', { ...post(''), body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400, undefined, 'UTF-8'],
  ['a JSON array', post([ok()]), 400, '', 'invalid batch'],
  ['events not an array', post({ site: 'shop', events: {} }), 400, 'events', 'invalid batch'],
  ['missing site', post({ events: [ok()] }), 400, 'site', 'invalid batch'],
  ['missing id', post(batch([{ ...ok(), id: undefined as never }])), 400, 'events[0].id', 'invalid batch'],
  ['id too long', post(batch([{ ...ok(), id: 'x'.repeat(65) }])), 400, 'events[0].id', 'invalid batch'],
  ['id a number', post(batch([{ ...ok(), id: 7 as never }])), 400, 'events[0].id', 'invalid batch'],
  [
    'type too long',
    post(batch([{ ...ok(), type: 't'.repeat(101) }])),
    400,
    'events[0].type',
    'invalid batch',
  ],
  [
    'ts a number',
    post(batch([ok(), { ...ok(), ts: 1767225600000 as never }])),
    400,
    'events[1].ts',
    'invalid',
  ],
  ['ts not a date', post(batch([{ ...ok(), ts: '2026-13-45T00:00:00Z' }])), 400, 'events[0].ts', 'invalid'],
  ['ts not ISO 8601', post(batch([{ ...ok(), ts: 'Jan 5, 2026' }])), 400, 'events[0].ts', 'invalid batch'],
  [
    'ts year 0001',
    post(batch([{ ...ok(), ts: '0001-01-01T00:00:00Z' }])),
    400,
    'events[0].ts',
    'invalid batch',
  ],
  // Hostile input, second round (issue 25, finding 2): each of these was a 500.
  [
    'dropped 2^31 (an integer column)',
    post({ ...batch([ok()]), dropped: 2 ** 31 }),
    400,
    'dropped',
    'invalid',
  ],
  [
    'ts on February 30',
    post(batch([{ ...ok(), ts: '2024-02-30T10:00:00Z' }])),
    400,
    'events[0].ts',
    'invalid',
  ],
  ['ts on April 31', post(batch([{ ...ok(), ts: '2023-04-31T10:00:00Z' }])), 400, 'events[0].ts', 'invalid'],
  ['ts at 24:30', post(batch([{ ...ok(), ts: '2024-01-10T24:30:00Z' }])), 400, 'events[0].ts', 'invalid'],
  [
    'ts offset +20:00',
    post(batch([{ ...ok(), ts: '2024-01-10T10:00:00+20:00' }])),
    400,
    'events[0].ts',
    'invalid',
  ],
  ['props 30,000 levels deep', post(deepText('props', 30_000)), 400, 'events[0].props', 'invalid'],
  [
    'purchase value of 400 digits',
    post(batch([purchase('9'.repeat(400))])),
    400,
    'events[0].props.value',
    'invalid',
  ],
  ['purchase value 1e308', post(batch([purchase(1e308)])), 400, 'events[0].props.value', 'invalid'],
  ['site mismatch', post(batch([ok(), ok(), { ...ok(), site: 'other' }])), 400, 'events[2].site', 'invalid'],
  ['visitorId missing', post(batch([{ ...ok(), visitorId: '' }])), 400, 'events[0].visitorId', 'invalid'],
  [
    'sessionId a number',
    post(batch([{ ...ok(), sessionId: 1 as never }])),
    400,
    'events[0].sessionId',
    'invalid',
  ],
  [
    'userId a number',
    post(batch([{ ...ok(), userId: 5 as never }])),
    400,
    'events[0].userId',
    'invalid batch',
  ],
  [
    'url too long',
    post(batch([{ ...ok(), url: `https://a.example/${'p'.repeat(2048)}` }])),
    400,
    'events[0].url',
    '',
  ],
  ['props an array', post(batch([{ ...ok(), props: [] as never }])), 400, 'events[0].props', 'invalid batch'],
  [
    'props over 32 KiB',
    post(batch([{ ...ok(), props: { s: 'x'.repeat(33_000) } }])),
    400,
    'events[0].props',
    '',
  ],
  [
    'props 40 levels deep',
    post(batch([{ ...ok(), props: nested(40) as never }])),
    400,
    'events[0].props',
    '',
  ],
  ['NUL in a string', post(batch([{ ...ok(), url: 'https://a.example/\u0000' }])), 400, 'events[0].url', ''],
  ['NUL in props', post(batch([{ ...ok(), props: { note: 'a\u0000b' } }])), 400, 'events[0].props', ''],
  ['unpaired surrogate', post(batch([{ ...ok(), props: { k: '\ud800' } }])), 400, 'events[0].props', ''],
  [
    'more than 500 events',
    post({ site: 's', events: Array.from({ length: 501 }, (_, i) => tiny(i)) }),
    400,
    'events',
    '',
  ],
  [
    'NPS score 11',
    post(batch([event({ type: 'survey.answered', props: { survey: 'nps', score: 11 } })])),
    400,
    'events[0].props.score',
    'invalid batch',
  ],
  [
    'NPS score 7.5',
    post(batch([event({ type: 'survey.answered', props: { survey: 'nps', score: 7.5 } })])),
    400,
    'events[0].props.score',
    'invalid batch',
  ],
  [
    'CSAT scale 4',
    post(batch([event({ type: 'survey.answered', props: { survey: 'csat', score: 4, scale: 4 } })])),
    400,
    'events[0].props.scale',
    'invalid batch',
  ],
  [
    'CSAT 6 on a 5-point scale',
    post(batch([event({ type: 'survey.answered', props: { survey: 'csat', score: 6 } })])),
    400,
    'events[0].props.score',
    'invalid batch',
  ],
  [
    'survey kind unknown',
    post(batch([event({ type: 'survey.answered', props: { survey: 'ces', score: 3 } })])),
    400,
    'events[0].props.survey',
    'invalid batch',
  ],
  [
    'flow answer without its index',
    post(batch([event({ type: 'survey.answered', props: { survey: 'nps', question: 'rec', score: 3 } })])),
    400,
    'events[0].props.index',
    'invalid batch',
  ],
  [
    'flow CES answer 8',
    post(
      batch([event({ type: 'survey.answered', props: flowAnswer({ survey: 'ces', score: 8, scale: 7 }) })]),
    ),
    400,
    'events[0].props.score',
    'invalid batch',
  ],
  [
    'flow multiple choice with no choice',
    post(batch([event({ type: 'survey.answered', props: flowAnswer({ survey: 'multi', choices: [] }) })])),
    400,
    'events[0].props.choices',
    'invalid batch',
  ],
  [
    'flow question type unknown',
    post(batch([event({ type: 'survey.answered', props: flowAnswer({ survey: 'rating', score: 1 }) })])),
    400,
    'events[0].props.survey',
    'invalid batch',
  ],
  [
    'push.subscribed without a subscription',
    post(batch([event({ type: 'push.subscribed', props: {} })])),
    400,
    'events[0].props.subscription',
    'invalid batch',
  ],
  ['body over 64 KiB', post(batch([{ ...ok(), props: { s: 'x'.repeat(70_000) } }])), 413, undefined, '64'],
  [
    'form content type',
    post(batch([ok()]), 'application/x-www-form-urlencoded'),
    415,
    undefined,
    'Content-Type',
  ],
  [
    'no content type',
    { method: 'POST', body: new TextEncoder().encode(JSON.stringify(batch([ok()]))) },
    415,
    undefined,
    'Content-Type',
  ],
]

forEachDatabase('malformed batches', (db) => {
  const cases = corpus.map(([name, init, status, path, error]) => ({ name, init, status, path, error }))
  it.each(cases)('$name → $status with the reason', async ({ init, status, path, error }) => {
    const app = createApp({ db: db() })
    const res = await app.request('/v1/batch', init)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: string; issues: Array<{ path: string; message: string }> }
    expect(body.error).toContain(error)
    if (path !== undefined) expect(body.issues.map((i) => i.path)).toContain(path)
    for (const issue of body.issues) expect(issue.message).toEqual(expect.any(String))
    // The collector still answers, and nothing from the bad batch was stored.
    expect((await app.request('/v1/health')).status).toBe(200)
    expect((await db().query('select count(*) as n from events')).rows).toEqual([{ n: 0 }])
  })

  it('stops reading a streamed body that passes 64 KiB even without Content-Length', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20))
        if (pulled > 1000) controller.close()
      },
    })
    const init = {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
      duplex: 'half',
    } as RequestInit
    const res = await createApp({ db: db() }).request('/v1/batch', init)
    expect(res.status).toBe(413)
    expect(pulled).toBeLessThan(10)
  })

  it('drops members it does not know instead of storing them: NUL, a lone surrogate, 30,000 levels deep', async () => {
    const app = createApp({ db: db() })
    const odd = { ...ok(), extra: 'a\u0000b', other: { k: '\udc00' } }
    const plain = await app.request('/v1/batch', post(batch([odd])))
    expect(plain.status).toBe(200)
    const deep = await app.request('/v1/batch', post(deepText('extra', 30_000)))
    expect(deep.status).toBe(200)
    const props = await db().query<{ props: unknown }>('select props from events where id = $1', [odd.id])
    expect(props.rows).toEqual([{ props: {} }])
    await db().exec('delete from events')
  })

  it('answers 200 to a valid batch after the whole corpus', async () => {
    const res = await createApp({ db: db() }).request('/v1/batch', post(batch([ok()])))
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 })
  })
})

it('answers an unexpected error with 500 and keeps serving', async () => {
  const broken = {
    kind: 'pglite',
    transaction: () => Promise.reject(new Error('disk on fire')),
  } as unknown as Db
  const errors: unknown[] = []
  const original = console.error
  console.error = (...args: unknown[]) => errors.push(args)
  try {
    const app = createApp({ db: broken })
    const res = await app.request('/v1/batch', post(batch([ok()])))
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'internal error', issues: [] })
    expect(errors).toHaveLength(1)
    expect((await app.request('/v1/health')).status).toBe(200)
  } finally {
    console.error = original
  }
})
