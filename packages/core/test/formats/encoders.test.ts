import { describe, expect, it } from 'vitest'
import { byteLength } from '../../src/pipeline/byteLength'
import { posthogEncoder } from '../../src/wire/formats/posthog'
import { rudderstackEncoder } from '../../src/wire/formats/rudderstack'
import { segmentEncoder } from '../../src/wire/formats/segment'
import posthogDoc from './fixtures/posthog.json'
import rudderDoc from './fixtures/rudderstack.json'
import segmentDoc from './fixtures/segment.json'
import { sampleEvents } from './sample'
import { posthogIssues, segmentIssues } from './shapeIssues'

const ctx = { site: 'shop', sentAt: '2026-11-25T10:00:05.000Z', dropped: 0 }
const [page, shown, identify, answered] = sampleEvents()

describe('the recorded shapes', () => {
  it('accept the documented examples and reject a broken one', () => {
    expect(segmentIssues(segmentDoc.example, segmentDoc)).toEqual([])
    expect(segmentIssues(rudderDoc.example, rudderDoc)).toEqual([])
    expect(posthogIssues(posthogDoc.example, posthogDoc)).toEqual([])
    const broken = structuredClone(segmentDoc.example) as { batch: Record<string, unknown>[] }
    delete broken.batch[1]!.event
    delete broken.batch[2]!.anonymousId
    broken.batch[0]!.color = 'red'
    expect(segmentIssues(broken, segmentDoc)).toEqual([
      'batch[0].color: not in the documented request',
      'batch[1].event: missing',
      'batch[2]: needs one of anonymousId, userId',
    ])
  })
})

describe('segment', () => {
  const enc = segmentEncoder({ writeKey: 'wk_1' })(sampleEvents(), ctx)
  const body = JSON.parse(enc.body)

  it('posts to /v1/batch with the write key in the body, CORS-simple', () => {
    expect(enc.url).toBe('https://api.segment.io/v1/batch')
    expect(enc.headers).toEqual({ 'content-type': 'text/plain' })
    expect(segmentIssues(body, segmentDoc)).toEqual([])
    expect(body.writeKey).toBe('wk_1')
    expect(body.sentAt).toBe(ctx.sentAt)
  })

  it('maps each event field by field, the id to messageId', () => {
    const [p, t, i, s] = body.batch
    expect(body.batch.map((c: { messageId: string }) => c.messageId)).toEqual(sampleEvents().map((e) => e.id))
    expect(p).toEqual({
      type: 'page',
      messageId: page!.id,
      anonymousId: 'v-1',
      timestamp: page!.ts,
      context: { page: { url: page!.url }, library: { name: 'linger' } },
      properties: { title: 'A', referrer: '', site: 'shop', sessionId: 's-1', url: page!.url },
    })
    expect(t).toMatchObject({
      type: 'track',
      event: 'campaign.shown',
      anonymousId: 'v-1',
      properties: {
        trigger: 'exit-intent',
        site: 'shop',
        sessionId: 's-1',
        campaignId: 'exit-offer',
        variant: 'a',
      },
    })
    expect(t.userId).toBeUndefined()
    expect(i).toMatchObject({
      type: 'identify',
      userId: 'u-9',
      anonymousId: 'v-1',
      traits: identify!.props.traits,
    })
    expect(i.properties).toBeUndefined()
    expect(s).toMatchObject({
      type: 'track',
      event: 'survey.answered',
      userId: 'u-9',
      timestamp: answered!.ts,
    })
    expect(s.properties).toMatchObject({ survey: 'nps', score: 9, scale: 10, campaignId: 'nps-main' })
  })

  it('takes an origin or a full URL as the endpoint', () => {
    expect(segmentEncoder({ endpoint: 'https://events.eu1.segmentapis.com' })([], ctx).url).toBe(
      'https://events.eu1.segmentapis.com/v1/batch',
    )
    expect(segmentEncoder({ endpoint: 'https://proxy.example/seg/b' })([], ctx).url).toBe(
      'https://proxy.example/seg/b',
    )
  })

  it('leaves out a call over 32 KB with a debug code; the rest of the batch goes', () => {
    const debug: [string, unknown][] = []
    // Under the pipeline's 32 KiB for the Linger event, over it once mapped (context, properties).
    const big = { ...shown!, id: 'big', props: { pad: 'x'.repeat(32_500) } }
    expect(byteLength(JSON.stringify(big))).toBeLessThanOrEqual(32768)
    const out = JSON.parse(segmentEncoder({ onDebug: (c, d) => debug.push([c, d]) })([page!, big], ctx).body)
    expect(out.batch.map((c: { messageId: string }) => c.messageId)).toEqual([page!.id])
    expect(debug).toEqual([['big', 1]])
  })

  it('keeps a full pipeline batch (60 KiB of events) far under 500 KB, each call under 32 KB', () => {
    const events = Array.from({ length: 50 }, (_, k) => ({
      ...shown!,
      id: `e${k}`,
      props: { pad: 'y'.repeat(1000) },
    }))
    expect(byteLength(JSON.stringify(events))).toBeLessThan(61440)
    const out = segmentEncoder({ writeKey: 'k' })(events, ctx)
    const calls = JSON.parse(out.body).batch
    expect(calls).toHaveLength(50)
    expect(byteLength(out.body)).toBeLessThan(segmentDoc.limits.batchBytes)
    expect(Math.max(...calls.map((c: unknown) => byteLength(JSON.stringify(c))))).toBeLessThan(
      segmentDoc.limits.callBytes,
    )
    expect(calls.length).toBeLessThanOrEqual(segmentDoc.limits.calls)
  })
})

describe('rudderstack', () => {
  const encode = rudderstackEncoder({ endpoint: 'https://acme.dataplane.rudderstack.com', writeKey: 'rk/1' })
  const enc = encode(sampleEvents(), ctx)
  const body = JSON.parse(enc.body)

  it('posts the Segment-shaped batch to the beacon route with the write key in the query', () => {
    expect(enc.url).toBe('https://acme.dataplane.rudderstack.com/beacon/v1/batch?writeKey=rk%2F1')
    expect(segmentIssues(body, rudderDoc)).toEqual([])
    expect(body.writeKey).toBeUndefined()
    expect(body.batch.map((c: { type: string }) => c.type)).toEqual(['page', 'track', 'identify', 'track'])
    expect(body.batch.map((c: { messageId: string }) => c.messageId)).toEqual(sampleEvents().map((e) => e.id))
  })

  it('accepts the data plane URL with or without /v1/batch, and sends nowhere without one', () => {
    const url = (endpoint?: string) => rudderstackEncoder({ endpoint, writeKey: 'k' })([], ctx).url
    expect(url('https://dp.example/v1/batch')).toBe('https://dp.example/beacon/v1/batch?writeKey=k')
    expect(url('https://dp.example/rs/')).toBe('https://dp.example/rs/beacon/v1/batch?writeKey=k')
    expect(url(undefined)).toBeUndefined()
  })
})

describe('posthog', () => {
  const enc = posthogEncoder({ writeKey: 'phc_1' })(sampleEvents(), ctx)
  const body = JSON.parse(enc.body)

  it('posts to /batch/ with api_key in the body', () => {
    expect(enc.url).toBe('https://us.i.posthog.com/batch/')
    expect(posthogIssues(body, posthogDoc)).toEqual([])
    expect(body.api_key).toBe('phc_1')
    expect(body.sent_at).toBe(ctx.sentAt)
    expect(posthogEncoder({ endpoint: 'https://eu.i.posthog.com/' })([], ctx).url).toBe(
      'https://eu.i.posthog.com/batch/',
    )
  })

  it('maps page views, identify and custom events; the id to uuid', () => {
    const [p, t, i, s] = body.batch
    expect(body.batch.map((e: { uuid: string }) => e.uuid)).toEqual(sampleEvents().map((e) => e.id))
    expect(p).toEqual({
      event: '$pageview',
      distinct_id: 'v-1',
      timestamp: page!.ts,
      uuid: page!.id,
      properties: { title: 'A', referrer: '', $current_url: page!.url, site: 'shop', sessionId: 's-1' },
    })
    expect(t).toMatchObject({ event: 'campaign.shown', distinct_id: 'v-1' })
    expect(t.properties).toMatchObject({ campaignId: 'exit-offer', variant: 'a' })
    expect(t.properties.$anon_distinct_id).toBeUndefined()
    expect(i).toEqual({
      event: '$identify',
      distinct_id: 'u-9',
      timestamp: identify!.ts,
      uuid: identify!.id,
      properties: { $set: identify!.props.traits, $anon_distinct_id: 'v-1', $current_url: identify!.url },
    })
    expect(s).toMatchObject({
      event: 'survey.answered',
      distinct_id: 'u-9',
      properties: { $anon_distinct_id: 'v-1', score: 9 },
    })
  })
})
