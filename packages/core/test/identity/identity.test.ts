import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { loadIdentity } from '../../src/identity/loadIdentity'
import { newEventId } from '../../src/identity/newEventId'
import { touchSession } from '../../src/identity/touchSession'
import { openKv } from '../../src/storage/openKv'

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newEventId', () => {
  it('is a UUIDv7 carrying the time in its first 48 bits', () => {
    const now = Date.parse('2026-11-25T12:00:00Z')
    const id = newEventId(now + 10_000)
    expect(id).toMatch(UUID7)
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now + 10_000)
  })

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const t = Date.parse('2030-01-01T00:00:00Z')
    const ids = [
      ...Array.from({ length: 10_000 }, () => newEventId(t)),
      ...Array.from({ length: 100 }, (_, i) => newEventId(t + 1 + i)),
      newEventId(t - 5000),
    ]
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    for (const id of ids) expect(id).toMatch(UUID7)
  })
})

describe('identity', () => {
  const t0 = Date.parse('2026-11-25T12:00:00Z')
  const minutes = (m: number) => t0 + m * 60_000

  it('creates a new visitor in their first session', async () => {
    const kv = openKv('linger', 'identity', { indexedDB: new IDBFactory() })
    const id = await loadIdentity(kv, t0)
    expect(id).toMatchObject({
      visitCount: 1,
      isNewVisitor: true,
      sessionStartedAt: t0,
      pageviewsInSession: 0,
    })
    expect(id.visitorId).toMatch(UUID7)
    expect(id.sessionId).toMatch(UUID7)
  })

  it('keeps the session while active, rolls it over after 30 idle minutes, and persists', async () => {
    const factory = new IDBFactory()
    const kv = openKv('linger', 'identity', { indexedDB: factory })
    const first = await touchSession(kv, t0, true)
    const second = await touchSession(kv, minutes(29), true)
    const third = await touchSession(kv, minutes(58), true)
    expect(second.sessionId).toBe(first.sessionId)
    expect(third.sessionId).toBe(first.sessionId)
    expect(third.pageviewsInSession).toBe(3)
    expect(third.visitCount).toBe(1)
    // A new page load, after 30 minutes and 1 ms without activity: new session, same visitor.
    const later = await loadIdentity(openKv('linger', 'identity', { indexedDB: factory }), minutes(88) + 1)
    expect(later.visitorId).toBe(first.visitorId)
    expect(later.sessionId).not.toBe(first.sessionId)
    expect(later).toMatchObject({ visitCount: 2, isNewVisitor: false, pageviewsInSession: 0 })
    expect(later.sessionStartedAt).toBe(minutes(88) + 1)
    // Exactly 30 minutes is still the same session.
    const same = await touchSession(kv, minutes(118) + 1)
    expect(same.sessionId).toBe(later.sessionId)
  })
})
