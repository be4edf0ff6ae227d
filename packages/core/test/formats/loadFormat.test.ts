import { describe, expect, it } from 'vitest'
import { deferEncoder } from '../../src/formats/deferEncoder'
import { loadFormat } from '../../src/formats/loadFormat'
import { posthogEncoder } from '../../src/formats/posthog'
import { rudderstackEncoder } from '../../src/formats/rudderstack'
import { segmentEncoder } from '../../src/formats/segment'
import { lingerEncoder } from '../../src/pipeline/lingerEncoder'
import { settle } from '../pipeline/helpers'
import { make, useFakeTime } from '../pipeline/setup'
import { sampleEvents } from './sample'

describe('loadFormat', () => {
  it('resolves each format to its encoder factory, the default to the CONTRACT batch', async () => {
    expect(await loadFormat('segment')).toBe(segmentEncoder)
    expect(await loadFormat('rudderstack')).toBe(rudderstackEncoder)
    expect(await loadFormat('posthog')).toBe(posthogEncoder)
    expect((await loadFormat())({})).toBe(lingerEncoder)
    expect((await loadFormat('linger'))({})).toBe(lingerEncoder)
  })
})

describe('a pipeline delivering in a format', () => {
  useFakeTime()

  it('holds events until the deferred encoder loads, then sends them in that format', async () => {
    let arrive = () => {}
    const chunk = new Promise<void>((done) => (arrive = done))
    // The chunk arrives when the test says so, like a slow network.
    const load: typeof loadFormat = (f) => chunk.then(() => loadFormat(f))
    const { encode, ready } = deferEncoder('segment', { endpoint: 'https://seg.test', writeKey: 'wk' }, load)
    const { pipeline, net, kv } = make({ encode, endpoint: undefined })
    for (const e of sampleEvents()) pipeline.enqueue(e)
    // Before the chunk is there, a flush finds nowhere to send: nothing leaves, all stay stored.
    expect(encode(sampleEvents(), { site: 's', sentAt: '', dropped: 0 }).url).toBe('')
    await settle()
    await pipeline.flush()
    expect(net.sent).toHaveLength(0)
    expect(kv.map.size).toBe(4)
    arrive()
    await ready
    await pipeline.flush()
    await settle()
    expect(net.sent).toHaveLength(1)
    expect(net.sent[0]!.url).toBe('https://seg.test/v1/batch')
    const body = net.sent[0]!.body as unknown as { batch: { messageId: string }[]; writeKey: string }
    expect(body.writeKey).toBe('wk')
    expect(body.batch.map((c) => c.messageId)).toEqual(sampleEvents().map((e) => e.id))
    expect((net.sent[0]!.init.headers as Record<string, string>)['content-type']).toBe('text/plain')
    expect(kv.map.size).toBe(0)
  })
})
