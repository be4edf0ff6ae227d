import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startPage } from '../../src/page/startPage'
import { createPipeline } from '../../src/pipeline/createPipeline'
import type { Linger } from '../../src/runtime/types'
import type { KvStore } from '../../src/storage/KvStore'
import { IDENTITY_KEY, USER_KEY } from '../../src/wire/storageLayout'
import { countingKv, fakeFetch, settle } from '../pipeline/helpers'

// forget() takes its cut when it is called: what came before it is erased, what comes after it
// (a sign-out event, the next user) is sent, with the fresh visitor, and never waits for the
// erasing to finish. Here with the real pipeline and a fake endpoint; the device's stores answer
// a task later, like IndexedDB, and their clear() can be made to never finish.

const OLD = { visitorId: 'old-visitor', sessionId: 'old-session', visitCount: 3, lastActivityAt: 0 }

/** A device whose stores outlive one start; `hangClear`: their clear() never finishes. */
function device(o: { hangClear?: boolean; identity?: unknown } = {}) {
  const stores = new Map<string, ReturnType<typeof countingKv>>()
  return {
    stores,
    openKv(db: string, store: string): KvStore {
      const key = `${db}/${store}`
      if (!stores.has(key)) {
        const kv = countingKv(store === 'identity' && o.identity ? [[IDENTITY_KEY, o.identity]] : [], 2)
        if (o.hangClear) kv.clear = () => new Promise(() => {})
        stores.set(key, kv)
      }
      return stores.get(key)!
    },
  }
}

const running: Linger[] = []
function start(d: ReturnType<typeof device>, consent?: 'required') {
  const net = fakeFetch()
  const linger = startPage({
    config: { site: 'shop', endpoint: 'https://collect.test/v1/batch', ...(consent && { consent }) },
    options: { fetch: net.fetch },
    campaigns: () => new Promise(() => {}),
    eager: false,
    createPipeline: (o) => createPipeline({ ...o, random: () => 1 }),
    openKv: d.openKv,
  })
  running.push(linger)
  const sent = () => net.sent.flatMap((s) => s.body.events)
  return { linger, sent }
}

/** Awaits `p` while the fake clock runs (the stores answer on timers). */
async function until<T>(p: Promise<T>) {
  let done = false
  void p.then(() => (done = true))
  for (let i = 0; !done && i < 1000; i++) await vi.advanceTimersByTimeAsync(1)
  return p
}

beforeEach(() => {
  localStorage.clear()
  // Not setImmediate: the other tab's BroadcastChannel message comes in a real task.
  vi.useFakeTimers({
    now: Date.parse('2026-12-05T12:00:00Z'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
})
afterEach(() => {
  for (const l of running.splice(0)) l.dispose()
  vi.useRealTimers()
})

describe('forget()', () => {
  it('erases the events before it; a track() and identify() right after it go out with the fresh visitor and the new user, though the erasing never finishes', async () => {
    const d = device({ hangClear: true })
    const { linger, sent } = start(d)
    await until(linger.ready)
    await settle(6000)
    const [viewed] = sent()
    expect(viewed).toMatchObject({ type: 'page.viewed' })
    linger.identify('u-1')
    linger.track('basket')
    await settle(10) // stored, not sent yet
    expect(d.stores.get('linger/queue')!.map.size).toBe(2)

    let finished = false
    void linger.forget().then(() => (finished = true))
    linger.track('signed_out')
    linger.identify('u-2', { plan: 'pro' })
    linger.track('after')
    await settle(60_000)

    expect(finished).toBe(false) // the device's clear() never finished, and nothing waited for it
    const after = sent().slice(1)
    expect(after.map((e) => [e.type, e.userId])).toEqual([
      ['signed_out', undefined],
      ['identify', 'u-2'],
      ['after', 'u-2'],
    ])
    const fresh = after[0]!
    expect(fresh.visitorId).not.toBe(viewed!.visitorId)
    expect(fresh.sessionId).not.toBe(viewed!.sessionId)
    for (const e of after) expect([e.visitorId, e.sessionId]).toEqual([fresh.visitorId, fresh.sessionId])
    // The fresh visitor is not written where the old one was.
    expect(d.stores.get('linger/identity')!.map.get(IDENTITY_KEY)).toMatchObject({
      visitorId: viewed!.visitorId,
    })
  })

  it('before the stored visitor is read: the old one, read afterwards, does not come back', async () => {
    const d = device({ identity: OLD })
    const { linger, sent } = start(d)
    linger.track('before')
    void linger.forget()
    linger.track('signed_out')
    await until(linger.ready)
    linger.track('later')
    await settle(10_000)
    expect(sent().map((e) => e.type)).toEqual(['signed_out', 'later'])
    const [first, later] = sent()
    expect(first!.visitorId).not.toBe(OLD.visitorId)
    expect(later).toMatchObject({ visitorId: first!.visitorId, sessionId: first!.sessionId })
    expect(d.stores.get('linger/identity')!.map.size).toBe(0)
  })

  it('erases what a page gone left in its stash, even when the stashes are read after it', async () => {
    localStorage.setItem('linger:calls:gone-page', JSON.stringify([['track', 'left-behind', {}, 'e-1']]))
    const { linger, sent } = start(device())
    void linger.forget()
    linger.track('after')
    await until(linger.ready)
    await settle(10_000)
    expect(sent().map((e) => e.type)).toEqual(['after'])
  })

  it('from another tab: that tab erases what it made before the message, and sends what it makes after it as a new visitor', async () => {
    const d = device()
    const a = start(d)
    const b = start(d)
    await until(Promise.all([a.linger.ready, b.linger.ready]))
    // One queue for both tabs (one store): either may send the other's events.
    const sent = () => [...new Map([...a.sent(), ...b.sent()].map((e) => [e.id, e])).values()]
    await settle(6000)
    const before = sent()[0]!.visitorId
    b.linger.track('b-before')
    void a.linger.forget()
    // The message arrives in a later task.
    for (let i = 0; i < 20; i++) await new Promise((done) => setImmediate(done))
    b.linger.track('b-after')
    await settle(10_000)
    const made = sent().filter((e) => e.type !== 'page.viewed')
    expect(made.map((e) => e.type)).toEqual(['b-after'])
    expect(made[0]!.visitorId).not.toBe(before)
  })

  it('an identify() made before it leaves no user behind; one made after it is stored for the fresh visitor', async () => {
    const d = device()
    const { linger } = start(d, 'required')
    linger.identify('u-1') // its user is stored once the stored one is read: after the cut
    void linger.forget()
    linger.consent(true)
    await until(linger.ready)
    await settle(100)
    const stored = () => d.stores.get('linger/identity')!.map
    expect(stored().get(USER_KEY)).toBeUndefined()
    linger.identify('u-2')
    await settle(100)
    expect(stored().get(USER_KEY)).toBe('u-2')
  })

  it('twice in a row: each erases what came before it, and what follows the last one is sent', async () => {
    const { linger, sent } = start(device())
    await until(linger.ready)
    linger.track('one')
    void linger.forget()
    linger.track('two')
    await settle(5)
    const last = linger.forget()
    linger.track('three')
    await until(last)
    await settle(10_000)
    expect(sent().map((e) => e.type)).toEqual(['three'])
  })

  it('before consent: the events made before it are erased, those after it are sent once consent is given', async () => {
    const { linger, sent } = start(device(), 'required')
    await until(linger.ready)
    linger.identify('u-1')
    linger.track('before')
    void linger.forget()
    linger.track('after')
    linger.consent(true)
    await settle(10_000)
    expect(sent().map((e) => [e.type, e.userId])).toEqual([['after', undefined]])
  })
})
