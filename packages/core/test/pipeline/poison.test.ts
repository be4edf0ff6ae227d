import { describe, expect, it } from 'vitest'
import type { LingerEvent } from '../../src/types'
import { ev, type Reply, type Sent, settle } from './helpers'
import { make, useFakeTime } from './setup'

useFakeTime()

/** An endpoint that answers `failure` to any batch holding `bad`, and 200 to the others. */
const refusing =
  (bad: LingerEvent, failure: Reply = 500) =>
  (body: Sent['body']): Reply =>
    body.events.some((e) => e.id === bad.id) ? failure : 200
const accepted = (sent: Sent[], bad: LingerEvent) =>
  sent.filter((s) => !s.body.events.some((e) => e.id === bad.id))

describe('a batch the endpoint fails on every time (poison)', () => {
  for (const [where, at] of [
    ['in the middle', 17],
    ['the oldest', 0],
    ['the newest', 39],
  ] as const)
    it(`finds the one event the endpoint cannot take (${where}), drops it as poison and delivers the rest`, async () => {
      const events = Array.from({ length: 40 }, () => ev())
      const bad = events[at]!
      const { pipeline, net, kv, debug } = make({ random: () => 0.5 }, [], refusing(bad))
      for (const e of events) pipeline.enqueue(e)
      await settle()
      await pipeline.flush()
      await settle(3_600_000)
      // The drop is reported with the next batch (and a poison that is the newest, with nothing
      // after it, blocks nothing: it is dropped once a later event has gone through).
      const later = ev()
      pipeline.enqueue(later)
      await settle(3_600_000)
      pipeline.enqueue(ev())
      await settle(3_600_000)
      const delivered = new Set(accepted(net.sent, bad).flatMap((s) => s.body.events.map((e) => e.id)))
      expect(delivered).toEqual(
        new Set(
          [...events.filter((e) => e !== bad), later, ...net.sent.at(-1)!.body.events].map((e) => e.id),
        ),
      )
      expect(debug).toContainEqual(['poison', 1])
      expect(pipeline.stats()).toMatchObject({
        dropped: 1,
        droppedBy: { poison: 1 },
        queued: 0,
        acknowledged: 41,
      })
      // Reported to the endpoint once, in an accepted batch.
      expect(accepted(net.sent, bad).reduce((n, s) => n + (s.body.dropped ?? 0), 0)).toBe(1)
      expect(kv.map.size).toBe(0)
      // Each good event went through once: the suspect batch one event at a time at worst.
      expect(accepted(net.sent, bad).length).toBeLessThanOrEqual(events.length + 2)
    })

  it('keeps the back-off between tries while it searches', async () => {
    const events = Array.from({ length: 20 }, () => ev())
    const bad = events[0]!
    const { pipeline, net } = make({ random: () => 1 }, [], refusing(bad))
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle(3_600_000)
    // random = 1: after the n-th failure in a row the wait is exactly 1 s·2ⁿ⁻¹; a success resets it.
    let failures = 0
    net.sent.slice(0, -1).forEach((s, i) => {
      const failed = s.body.events.some((e) => e.id === bad.id)
      failures = failed ? failures + 1 : 0
      const gap = net.sent[i + 1]!.at - s.at
      if (failed) expect(gap).toBe(1000 * 2 ** (failures - 1))
    })
    expect(new Set(net.ids()).size).toBe(20)
  })

  it("keeps the server's Retry-After between tries while it searches", async () => {
    const events = Array.from({ length: 20 }, () => ev())
    const bad = events[5]!
    const busy = { status: 429, headers: { 'retry-after': '7' } }
    // Busy now and then (every fourth request) while the search runs.
    let n = 0
    const { pipeline, net } = make({ random: () => 0 }, [], (body) =>
      ++n % 4 === 0 ? busy : refusing(bad)(body),
    )
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle(3_600_000)
    const busyAt = net.sent.flatMap((s, i) =>
      i % 4 === 3 && net.sent[i + 1] ? [net.sent[i + 1]!.at - s.at] : [],
    )
    expect(busyAt.length).toBeGreaterThan(2)
    expect(new Set(busyAt)).toEqual(new Set([7000]))
    expect(pipeline.stats().droppedBy).toEqual({ poison: 1 })
  })

  it('a 5xx with Retry-After (the server says when to come back) is not poison', async () => {
    const events = Array.from({ length: 10 }, () => ev())
    const reply = { status: 500, headers: { 'retry-after': '1' } }
    const { pipeline, net } = make({ random: () => 0.5 }, Array(6).fill(reply))
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle(3_600_000)
    expect(net.sent.map((s) => s.body.events.length)).toEqual(Array(7).fill(10))
    expect(pipeline.stats()).toMatchObject({ dropped: 0, acknowledged: 10 })
  })

  it('an endpoint that fails every batch (an outage, not poison) loses nothing', async () => {
    const events = Array.from({ length: 40 }, () => ev())
    const { pipeline, net, kv } = make({ random: () => 0.5 }, [], 500)
    for (const e of events) pipeline.enqueue(e)
    await settle()
    await pipeline.flush()
    await settle(6 * 3_600_000)
    expect(net.sent.length).toBeGreaterThan(20)
    expect(pipeline.stats()).toMatchObject({ dropped: 0, queued: 40 })
    expect(kv.map.size).toBe(40)
  })

  for (const [what, reply] of [
    ['429', { status: 429, headers: { 'retry-after': '1' } }],
    ['503 with Retry-After', { status: 503, headers: { 'retry-after': '1' } }],
    ['a network failure', 'network'],
  ] as const)
    it(`${what}, however often, is not poison: the batch is neither split nor dropped`, async () => {
      const events = Array.from({ length: 10 }, () => ev())
      const { pipeline, net } = make({ random: () => 0.5 }, Array(8).fill(reply))
      for (const e of events) pipeline.enqueue(e)
      await settle()
      await pipeline.flush()
      await settle(3_600_000)
      expect(net.sent.map((s) => s.body.events.length)).toEqual(Array(9).fill(10))
      expect(pipeline.stats()).toMatchObject({ dropped: 0, acknowledged: 10, queued: 0 })
    })
})
