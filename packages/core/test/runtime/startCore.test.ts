import { describe, expect, it, vi } from 'vitest'
import { startCore } from '../../src/runtime/startCore'
import { fakeDevice, fakePipeline } from './fakes'

describe('startCore with the campaigns part still loading', () => {
  it('hands the events made so far to the pipeline once the visitor is known, not after the chunk', async () => {
    const device = fakeDevice()
    const pipe = fakePipeline()
    const linger = startCore(
      { site: 'shop', endpoint: 'https://collect.test/v1/batch' },
      {},
      { createPipeline: pipe.create, openKv: device.openKv },
      // A chunk on a slow network: a visitor leaving now must not take the events along.
      { load: () => new Promise(() => {}), eager: true },
    )
    linger.track('early', { n: 1 })
    await vi.waitFor(() => expect(pipe.types()).toEqual(['page.viewed', 'early']))
    expect(pipe.events[1]).toMatchObject({ visitorId: pipe.events[0]!.visitorId, props: { n: 1 } })
    linger.track('later')
    expect(pipe.types()).toEqual(['page.viewed', 'early', 'later'])
    linger.dispose()
  })
})
