import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onTouchExit } from '../../src/sensors/onTouchExit'
import { setProp, setVisibility, wait } from './helpers'

/** One scroll event per 16 ms frame, as browsers deliver them. */
function scrollTo(y: number, frameMs = 16): void {
  setProp(window, 'scrollY', y)
  document.dispatchEvent(new Event('scroll', { bubbles: true }))
  wait(frameMs)
}
/** Scrolls from `from` (where the page is) to `to`, `perFrame` px per frame. */
function scroll(from: number, to: number, perFrame: number, frameMs = 16): void {
  const step = Math.sign(to - from) * perFrame
  for (let y = from + step; step > 0 ? y < to : y > to; y += step) scrollTo(y, frameMs)
  scrollTo(to, frameMs)
}

let fired: string[]
let dispose: () => void
function subscribe(opts: Parameters<typeof onTouchExit>[1] = {}): void {
  dispose = onTouchExit((d) => fired.push(d.source), { window, ...opts })
}

beforeEach(() => {
  vi.useFakeTimers()
  setProp(window, 'innerHeight', 800)
  setProp(document.documentElement, 'scrollHeight', 6000)
  setProp(window, 'scrollY', 0)
  fired = []
})
afterEach(() => {
  dispose?.()
  setVisibility('visible')
  vi.useRealTimers()
})

describe('onTouchExit: fast scroll-up', () => {
  it('fires on a fast scroll back up after reading down the page', () => {
    subscribe()
    scroll(0, 3000, 20) // reading pace: 1.25 px/ms down
    wait(1000)
    scroll(3000, 2000, 48) // 3 px/ms up: a flick toward the address bar
    expect(fired).toEqual(['scroll-up'])
    scroll(2000, 500, 48)
    expect(fired).toHaveLength(1)
  })

  it('documents the default velocity, 2 px/ms: 1.8 px/ms does not fire, 2.2 does', () => {
    subscribe()
    scroll(0, 3000, 50)
    wait(1000)
    scroll(3000, 2000, 29) // 1.8 px/ms
    expect(fired).toEqual([])
    wait(500)
    scroll(2000, 1000, 35) // 2.2 px/ms
    expect(fired).toEqual(['scroll-up'])
  })

  it('ignores a slow scroll-up, and honours a custom velocity', () => {
    subscribe()
    scroll(0, 3000, 50)
    wait(1000)
    scroll(3000, 1500, 8) // 0.5 px/ms: reading back up
    expect(fired).toEqual([])
    dispose()
    subscribe({ velocity: 0.4 })
    wait(3000)
    scroll(1500, 1000, 8)
    expect(fired).toEqual(['scroll-up'])
  })

  it('is armed only after minSeconds', () => {
    subscribe({ minSeconds: 10 })
    scroll(0, 3000, 100)
    scroll(3000, 1000, 100)
    expect(fired).toEqual([])
    wait(10_000)
    scroll(1000, 3000, 100)
    wait(500)
    scroll(3000, 1000, 100)
    expect(fired).toEqual(['scroll-up'])
  })

  it('needs minScroll px down first; a short page never fires', () => {
    subscribe({ minSeconds: 0 })
    scroll(0, 350, 50)
    wait(500)
    scroll(350, 60, 100)
    expect(fired).toEqual([])
    dispose()

    setProp(document.documentElement, 'scrollHeight', 1100) // 300 px of scroll
    subscribe({ minSeconds: 0, minScroll: 400 })
    wait(0)
    for (let i = 0; i < 3; i++) {
      scroll(0, 1000, 100) // clamped at 300
      wait(500)
      scroll(300, 0, 100)
    }
    expect(fired).toEqual([])
  })

  it('ignores upward runs that start near the top', () => {
    subscribe({ minSeconds: 0, velocity: 0.5 })
    scroll(0, 2000, 100)
    scroll(2000, 40, 5, 20) // slowly back to the top: 0.25 px/ms
    wait(500)
    scroll(40, 0, 20) // 1.25 px/ms, but already at the top
    expect(fired).toEqual([])
  })

  it('ignores iOS rubber-banding past the bottom and springing back', () => {
    subscribe({ minSeconds: 0 })
    scroll(0, 5200, 100) // the end is 6000 - 800 = 5200
    scroll(5200, 5500, 100)
    scroll(5500, 5200, 150) // the bounce: 9 px/ms, but all of it past the end
    expect(fired).toEqual([])
  })

  it('ignores an instant jump (a "back to top" link) after the page was at rest', () => {
    subscribe({ minSeconds: 0 })
    scroll(0, 3000, 100)
    wait(2000)
    scrollTo(0)
    wait(500)
    expect(fired).toEqual([])
  })

  it('ignores fast scrolling down, and inner scrollers (carousels) while the page stands still', () => {
    subscribe({ minSeconds: 0 })
    scroll(0, 5000, 200)
    const inner = document.createElement('div')
    document.body.append(inner)
    setProp(window, 'scrollY', 1000)
    for (let i = 0; i < 10; i++) {
      inner.dispatchEvent(new Event('scroll'))
      wait(16)
    }
    expect(fired).toEqual([])
  })
})

describe('onTouchExit: return to the tab', () => {
  it('fires when the visitor comes back after awayMs (default 5 s)', () => {
    subscribe()
    wait(3000)
    setVisibility('hidden')
    wait(4999)
    setVisibility('visible')
    expect(fired).toEqual([])
    setVisibility('hidden')
    wait(5000)
    setVisibility('visible')
    expect(fired).toEqual(['return'])
  })

  it('honours awayMs and minSeconds', () => {
    subscribe({ awayMs: 60_000, minSeconds: 5 })
    setVisibility('hidden')
    wait(2000)
    setVisibility('visible') // too early on the page, and too short away
    wait(3000)
    setVisibility('hidden')
    wait(30_000)
    setVisibility('visible')
    expect(fired).toEqual([])
    setVisibility('hidden')
    wait(60_000)
    setVisibility('visible')
    expect(fired).toEqual(['return'])
  })

  it('fires only once across both signals', () => {
    subscribe({ minSeconds: 0 })
    setVisibility('hidden')
    wait(6000)
    setVisibility('visible')
    scroll(0, 3000, 100)
    wait(500)
    scroll(3000, 1000, 100)
    expect(fired).toEqual(['return'])
  })
})

describe('onTouchExit: lifecycle', () => {
  it('dispose removes every listener and timer', () => {
    subscribe()
    dispose()
    expect(vi.getTimerCount()).toBe(0)
    wait(5000)
    scroll(0, 3000, 100)
    wait(500)
    scroll(3000, 1000, 100)
    setVisibility('hidden')
    wait(10_000)
    setVisibility('visible')
    expect(fired).toEqual([])
  })

  it('does nothing without a window (SSR)', () => {
    vi.stubGlobal('window', undefined)
    const off = onTouchExit(() => fired.push('x'))
    vi.unstubAllGlobals()
    expect(vi.getTimerCount()).toBe(0)
    off()
  })
})
