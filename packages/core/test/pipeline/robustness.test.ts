import { describe, expect, it } from 'vitest'
import type { LingerEvent } from '../../src/types'
import { countingKv, ev, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

describe('never throws to the host', () => {
  it('drops an event that cannot be serialised (a cycle) and keeps going', async () => {
    const { pipeline, net, debug } = make()
    const bad = ev() as LingerEvent & { props: Record<string, unknown> }
    bad.props.self = bad
    const good = ev()
    expect(() => pipeline.enqueue(bad)).not.toThrow()
    pipeline.enqueue(good)
    await settle()
    await pipeline.flush()
    await settle()
    expect(debug).toContainEqual(['big', 1])
    expect(net.ids()).toEqual([good.id])
  })

  it('reports an encoder that throws through onDebug; flush() still resolves', async () => {
    const { pipeline, debug, win } = make({
      encode: () => {
        throw new Error('broken encoder')
      },
    })
    pipeline.enqueue(ev())
    await settle()
    await expect(pipeline.flush()).resolves.toBeUndefined()
    win.dispatchEvent(new Event('pagehide'))
    await settle()
    expect(debug.some(([code]) => code === 'error')).toBe(true)
  })

  it('survives a store whose writes and deletes reject', async () => {
    const kv = countingKv()
    kv.delMany = () => Promise.reject(new Error('delete failed'))
    kv.setMany = () => Promise.reject(new Error('write failed'))
    const { pipeline, net } = make({ kv })
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    pipeline.enqueue(ev())
    await settle()
    await pipeline.flush()
    await settle()
    // Unstorable events still go out from memory.
    expect(net.sent.length).toBeGreaterThan(0)
  })

  it('dispose() stops timers and listeners', async () => {
    const { pipeline, net, win } = make({ flushIntervalMs: 1000 })
    await settle()
    pipeline.enqueue(ev())
    await Promise.resolve()
    pipeline.dispose()
    win.dispatchEvent(new Event('pagehide'))
    await settle(60_000)
    expect(net.sent).toHaveLength(0)
  })
})
