import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onTimeOnPage } from '../../src/sensors/onTimeOnPage'
import { setVisibility, wait } from './helpers'

let fired: number
let dispose: () => void
function subscribe(seconds: number, since?: number): void {
  dispose = onTimeOnPage(() => fired++, { seconds, window, ...(since === undefined ? {} : { since }) })
}
beforeEach(() => {
  vi.useFakeTimers()
  fired = 0
})
afterEach(() => {
  dispose?.()
  setVisibility('visible')
  vi.useRealTimers()
})

describe('onTimeOnPage', () => {
  it('fires once after `seconds` on the page', () => {
    subscribe(20, performance.now())
    wait(19_999)
    expect(fired).toBe(0)
    wait(1)
    expect(fired).toBe(1)
    wait(60_000)
    expect(fired).toBe(1)
  })

  it('counts from navigation start by default', () => {
    wait(8000) // time on the page before the runtime subscribed
    subscribe(10)
    wait(1999)
    expect(fired).toBe(0)
    wait(1)
    expect(fired).toBe(1)
  })

  it('counts only visible time', () => {
    subscribe(20, performance.now())
    wait(15_000)
    setVisibility('hidden')
    wait(300_000)
    expect(fired).toBe(0)
    setVisibility('visible')
    wait(4999)
    expect(fired).toBe(0)
    wait(1)
    expect(fired).toBe(1)
  })

  it('starts counting when a page opened in the background is shown', () => {
    setVisibility('hidden')
    subscribe(5, performance.now())
    wait(60_000)
    expect(fired).toBe(0)
    setVisibility('visible')
    wait(5000)
    expect(fired).toBe(1)
  })

  it('takes `since` for time on site: earlier pages count', () => {
    // The runtime knows 50 s were spent on earlier pages of this visit.
    subscribe(60, performance.now() - 50_000)
    wait(9999)
    expect(fired).toBe(0)
    wait(1)
    expect(fired).toBe(1)
  })

  it('fires promptly when the time is already over', () => {
    subscribe(10, performance.now() - 30_000)
    wait(0)
    expect(fired).toBe(1)
  })

  it('dispose removes the listener and the timer', () => {
    subscribe(5, performance.now())
    dispose()
    expect(vi.getTimerCount()).toBe(0)
    setVisibility('hidden')
    setVisibility('visible')
    wait(10_000)
    expect(fired).toBe(0)
  })

  it('does nothing without a window (SSR)', () => {
    vi.stubGlobal('window', undefined)
    dispose = onTimeOnPage(() => fired++, { seconds: 0 })
    vi.unstubAllGlobals()
    wait(1000)
    expect(fired).toBe(0)
  })
})
