import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { init } from '../../src/runtime/init'

describe('init with the real pipeline, storage and formats', () => {
  it('delivers to the endpoint in a third-party format loaded on demand', async () => {
    const sent: Array<{ url: string; body: string }> = []
    const fetch = vi.fn(async (url: string, o: { body: string }) => {
      sent.push({ url, body: o.body })
      return new Response('{}', { status: 200 })
    })
    const linger = init(
      {
        version: 1,
        site: 'shop',
        format: 'segment',
        writeKey: 'wk-1',
        endpoint: 'https://api.segment.test',
        campaigns: [],
      },
      { fetch: fetch as never },
    )
    await linger.ready
    linger.track('signup', { plan: 'pro' })
    await vi.waitFor(() => expect(sent.some((s) => s.body.includes('signup'))).toBe(true), { timeout: 8000 })
    // The page view may have gone out in an earlier batch than the track.
    const calls = sent.flatMap((s) => JSON.parse(s.body).batch as Array<{ type: string }>)
    expect(sent.every((s) => /^https:\/\/api\.segment\.test\//.test(s.url))).toBe(true)
    expect(calls.map((c) => c.type)).toEqual(expect.arrayContaining(['page', 'track']))
    linger.dispose()
  }, 15_000)
})
