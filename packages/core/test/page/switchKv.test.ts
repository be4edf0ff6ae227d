import { describe, expect, it } from 'vitest'
import { switchKv } from '../../src/page/switchKv'
import { memoryKv } from '../../src/storage/memoryKv'

describe('switchKv', () => {
  it('switches at once, so a write right after use() lands in the new store, and copies the rest', async () => {
    const from = memoryKv()
    await from.setMany([
      ['a', 1],
      ['b', 1],
    ])
    const kv = switchKv(from)
    const next = memoryKv()
    const moving = kv.use(next, true)
    await kv.set('b', 2)
    await kv.set('c', 3)
    await moving
    expect(await next.entries()).toEqual(
      expect.arrayContaining([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    )
    expect(await from.get('c')).toBeUndefined()
  })
  it('does not copy without `copy`', async () => {
    const from = memoryKv()
    await from.set('a', 1)
    const kv = switchKv(from)
    await kv.use(memoryKv())
    expect(await kv.entries()).toEqual([])
    expect(kv.kind).toBe('memory')
  })
})
