// @vitest-environment node
// Property-based fuzzing of POST /v1/batch over the batch schema (issue 25, finding 2): batches
// that are mostly well formed, with hostile values where the database is strict — impossible
// dates and offsets, NUL and lone surrogates in known and unknown members, integers past their
// columns, numeric strings past float8, deep nesting — answer 2xx or 4xx, never 5xx, on both
// databases. LINGER_FUZZ_RUNS sets the number of batches per database (default 150).
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { createApp } from '../src/server'
import { forEachDatabase } from './helpers/databases'

const RUNS = Number(process.env.LINGER_FUZZ_RUNS ?? 150)

/** A well-formed value most of the time, a hostile one otherwise. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: bad, weight: 1 })

const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '\u0000', '\ud800', '\udc00', '😀', '\\', '"', "'") }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', 'x'.repeat(3000)),
)
const anyJson = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
)

const two = (n: number) => String(n).padStart(2, '0')
/** ISO-looking date-times with every part allowed out of range: Feb 30, 24:30, +20:00, year 0. */
const dateTime = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    zone: fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '+20:00', '-23:59', '+0530', '+05:99', 'z'),
  })
  .map(
    ({ year, month, day, hour, minute, second, zone }) =>
      `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${zone}`,
  )
const validTs = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString())

const bigNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 53, 1e308, -1e308, 1e15 + 1, -0),
  fc.integer({ min: 16, max: 500 }).map((n) => '9'.repeat(n)),
  fc.double(),
)
const money = mostly(
  fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
  bigNumber,
)
const currency = mostly(
  fc.constantFrom('EUR', 'USD', 'eur'),
  fc.oneof(fc.constantFrom('€', 'US$', 'XXX', ''), hostileText),
)

const subscription = fc.record({
  endpoint: mostly(
    fc.constantFrom(
      'https://fcm.googleapis.com/fcm/send/a',
      'https://updates.push.services.mozilla.com/wpush/v2/b',
    ),
    fc.oneof(
      fc.constantFrom('https://127.0.0.1/', 'http://10.0.0.1/', 'https://[::1]/', 'https://x:1/'),
      hostileText,
    ),
  ),
  keys: mostly(fc.constant({ p256dh: 'k', auth: 'a' }), anyJson),
})

/** props by event type, as the collector's triggers and reports read them, plus stray members. */
const propsFor = (type: string) => {
  const stray = fc.dictionary(hostileText, anyJson, { maxKeys: 2 })
  const typed =
    type === 'purchase'
      ? fc.record({ orderId: mostly(fc.string(), anyJson), value: money, currency })
      : type === 'cart.updated'
        ? fc.record({
            items: fc.array(fc.record({ id: fc.string(), price: money, quantity: fc.integer() }), {
              maxLength: 3,
            }),
            value: money,
            currency,
          })
        : type === 'survey.answered'
          ? fc.record(
              {
                survey: fc.constantFrom('nps', 'csat', 'ces'),
                score: mostly(fc.integer({ min: 0, max: 10 }), bigNumber),
                scale: fc.constantFrom(5, 7, 10, 2 ** 31),
              },
              { requiredKeys: ['survey', 'score'] },
            )
          : type === 'push.subscribed'
            ? fc.record({ subscription })
            : type === 'identify'
              ? fc.record({ traits: fc.record({ email: mostly(fc.emailAddress(), hostileText) }) })
              : fc.constant({})
  return fc.tuple(typed, stray).map(([t, s]) => ({ ...s, ...t }))
}

const eventType = mostly(
  fc.constantFrom(
    'page.viewed',
    'purchase',
    'cart.updated',
    'survey.answered',
    'push.subscribed',
    'identify',
    'campaign.shown',
  ),
  hostileText,
)
const text = mostly(fc.string({ minLength: 1, maxLength: 30 }), hostileText)

const event = eventType.chain((type) =>
  fc.record(
    {
      id: mostly(fc.uuid(), hostileText),
      type: fc.constant(type),
      ts: mostly(validTs, fc.oneof(dateTime, anyJson)),
      site: mostly(fc.constant('fuzz'), text),
      visitorId: text,
      sessionId: text,
      userId: text,
      campaignId: text,
      variant: text,
      url: mostly(fc.webUrl(), hostileText),
      props: mostly(propsFor(type), anyJson),
      // A member Linger does not know: dropped, whatever it holds.
      [`x-${'extra'}`]: anyJson,
    },
    { requiredKeys: ['id', 'type', 'ts', 'site', 'visitorId', 'sessionId', 'url'] },
  ),
)

const batchBody = fc.record(
  {
    site: mostly(fc.constant('fuzz'), text),
    sentAt: mostly(validTs, anyJson),
    events: fc.array(event, { maxLength: 6 }),
    dropped: mostly(fc.integer({ min: 0, max: 1000 }), bigNumber),
  },
  { requiredKeys: ['site', 'events'] },
)

/** The body as text; sometimes with a member nested thousands of levels deep (past any stack). */
const body = fc
  .tuple(batchBody, fc.option(fc.integer({ min: 100, max: 30_000 }), { freq: 8 }))
  .map(([b, depth]) => {
    const json = JSON.stringify(b)
    if (depth === null || !b.events.length) return json
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`
    return json.replace('"events":[{', `"events":[{"${depth % 2 ? 'props' : 'deep'}":{"a":${deep}},`)
  })

forEachDatabase('fuzzed batches', (db) => {
  it(`answer ${RUNS} schema-shaped hostile batches with 2xx or 4xx, never 5xx`, {
    timeout: 120_000,
  }, async () => {
    const app = createApp({ db: db(), rateLimit: false })
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await app.request('/v1/batch', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: text,
        })
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        const answer = (await res.json()) as { accepted?: number; issues?: Array<{ path: string }> }
        expect(res.status, text.slice(0, 300)).toBeLessThan(500)
        if (res.status === 400) expect(answer.issues?.length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
    // Both kinds of answer were exercised: some batches reached the database.
    expect(statuses.get(200)).toBeGreaterThan(0)
    expect(statuses.get(400)).toBeGreaterThan(0)
  })
})
