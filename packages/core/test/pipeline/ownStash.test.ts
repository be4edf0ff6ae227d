import { describe, expect, it } from 'vitest'
import { ownStash } from '../../src/pipeline/ownStash'
import { liveStashes } from '../../src/pipeline/unloadStash'
import { fakeLocks } from './helpers'

/** A window whose localStorage counts every call made to it, and can be made full. */
function storageWindow() {
  const data = new Map<string, string>()
  const calls: string[] = []
  let full = false
  const localStorage = {
    get length() {
      return data.size
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      calls.push('setItem')
      if (full) throw new DOMException('full', 'QuotaExceededError')
      data.set(k, v)
    },
    removeItem(k: string) {
      calls.push('removeItem')
      data.delete(k)
    },
  }
  const win = { localStorage, navigator: {} } as unknown as Window
  return {
    win,
    data,
    calls,
    fill: () => {
      full = true
    },
  }
}

const tick = () => new Promise((done) => setTimeout(done, 0))

describe('ownStash: what the page writes ahead', () => {
  it('a page whose stash stays empty never touches localStorage', async () => {
    // On a fresh profile the first localStorage call opens the browser's storage (9–22 ms at
    // page load, docs/boot.md): emptying a stash never written is that cost for nothing.
    const { win, calls } = storageWindow()
    const own = ownStash(win, 'p', () => [])
    own.soon()
    await tick()
    own.write([])
    own.leave([])
    expect(calls).toEqual([])
  })

  it('removes what it wrote once it has nothing waiting', async () => {
    const { win, data } = storageWindow()
    let waiting: unknown[] = ['a']
    const own = ownStash(win, 'p', () => waiting)
    own.soon()
    await tick()
    expect([...data.values()]).toEqual(['["a"]'])
    waiting = []
    own.soon()
    await tick()
    expect(data.size).toBe(0)
  })

  it('requests its Web Lock with its first write, not before, and frees it when the page goes', async () => {
    // Three stashes per page each held a lock from the start; the stub's usually writes nothing.
    const { win } = storageWindow()
    const locks = fakeLocks()
    Object.assign(win.navigator, { locks })
    const held = async () => ((await locks.query()).held ?? []).map((l) => l.name)
    const own = ownStash(win, 'p')
    own.write([])
    await tick()
    expect(await held()).toEqual([])
    own.write(['a'])
    await tick()
    expect(await held()).toEqual([expect.stringMatching(/^p:/)])
    own.leave(['a'], true)
    await tick()
    expect(await held()).toEqual([])
  })

  it('never takes its own stash, though it wrote it after the query of living pages', async () => {
    // The lock is requested with the first write: a query made before it does not list this page.
    const { win } = storageWindow()
    Object.assign(win.navigator, { locks: fakeLocks() })
    const live = await liveStashes(win)
    const own = ownStash(win, 'p')
    own.write(['mine'])
    win.localStorage.setItem('p:gone', '["theirs"]')
    expect(own.take(live)).toEqual(['theirs'])
  })

  it('a write that failed on full storage leaves the older stash, which emptying still removes', () => {
    const { win, data, fill } = storageWindow()
    const own = ownStash(win, 'p')
    expect(own.write(['a'])).toBe(true)
    fill()
    expect(own.write(['a', 'b'])).toBe(false)
    expect([...data.values()]).toEqual(['["a"]'])
    own.write([])
    expect(data.size).toBe(0)
  })

  it('after leaving under a new key, the stash it left stays for the next page', () => {
    const { win, data } = storageWindow()
    const own = ownStash(win, 'p')
    own.leave(['a'], true)
    own.write([])
    expect([...data.values()]).toEqual(['["a"]'])
  })
})
