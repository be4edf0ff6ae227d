import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onIdle } from '../../src/sensors/onIdle'
import { setVisibility, wait } from './helpers'

let fired: number
let dispose: () => void
beforeEach(() => {
  vi.useFakeTimers()
  fired = 0
  dispose = onIdle(() => fired++, { seconds: 30, window })
})
afterEach(() => {
  dispose()
  setVisibility('visible')
  vi.useRealTimers()
})

const act = (type: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new Event(type, { bubbles: true }))

describe('onIdle', () => {
  it('fires after `seconds` without activity, once per idle stretch', () => {
    wait(29_999)
    expect(fired).toBe(0)
    wait(1)
    expect(fired).toBe(1)
    wait(120_000)
    expect(fired).toBe(1)
    act('mousemove')
    wait(30_000)
    expect(fired).toBe(2)
  })

  it.each(['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'])('%s resets the count', (type) => {
    wait(20_000)
    act(type)
    wait(20_000)
    expect(fired).toBe(0)
    wait(10_000)
    expect(fired).toBe(1)
  })

  it('scrolling, of the page or an inner element, is activity', () => {
    const inner = document.createElement('div')
    document.body.append(inner)
    wait(20_000)
    act('scroll', document)
    wait(20_000)
    inner.dispatchEvent(new Event('scroll')) // does not bubble; seen in the capture phase
    wait(20_000)
    expect(fired).toBe(0)
    wait(10_000)
    expect(fired).toBe(1)
  })

  it('keeps one timer however much activity there is (a cheap throttle)', () => {
    for (let i = 0; i < 500; i++) {
      act('mousemove')
      wait(10)
    }
    expect(vi.getTimerCount()).toBe(1)
    wait(30_000)
    expect(fired).toBe(1)
  })

  it('counts only visible time: hidden pauses, showing again restarts the count', () => {
    wait(20_000)
    setVisibility('hidden')
    wait(600_000)
    expect(fired).toBe(0)
    setVisibility('visible')
    wait(29_000)
    expect(fired).toBe(0)
    wait(1000)
    expect(fired).toBe(1)
  })

  it('ignores activity while hidden', () => {
    setVisibility('hidden')
    act('keydown')
    wait(60_000)
    expect(fired).toBe(0)
  })

  it('dispose removes every listener and timer', () => {
    dispose()
    expect(vi.getTimerCount()).toBe(0)
    act('mousemove')
    setVisibility('visible')
    wait(60_000)
    expect(fired).toBe(0)
  })

  it('does nothing without a window (SSR)', () => {
    dispose()
    vi.stubGlobal('window', undefined)
    dispose = onIdle(() => fired++, { seconds: 1 })
    vi.unstubAllGlobals()
    wait(5000)
    expect(fired).toBe(0)
  })
})
