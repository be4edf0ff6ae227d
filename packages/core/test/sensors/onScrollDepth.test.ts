import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onScrollDepth } from '../../src/sensors/onScrollDepth'
import { setProp } from './helpers'

let fired: number[]
let dispose: () => void
function subscribe(percent: number): void {
  dispose = onScrollDepth((d) => fired.push(d.percent), { percent, window })
}
function scrollTo(y: number): void {
  setProp(window, 'scrollY', y)
  document.dispatchEvent(new Event('scroll', { bubbles: true }))
}

beforeEach(() => {
  fired = []
  setProp(window, 'innerHeight', 800)
  setProp(document.documentElement, 'scrollHeight', 4000)
  setProp(window, 'scrollY', 0)
})
afterEach(() => {
  dispose?.()
  setProp(document, 'readyState', 'complete')
})

describe('onScrollDepth', () => {
  it('fires once when the bottom of the viewport passes the percent', () => {
    subscribe(50)
    scrollTo(1100) // bottom at 1900 of 4000: 47.5 %
    expect(fired).toEqual([])
    scrollTo(1250) // 51.25 %
    expect(fired).toEqual([51])
    scrollTo(3200)
    expect(fired).toHaveLength(1)
  })

  it('fires at once when the page already shows enough, e.g. a page that does not scroll', () => {
    setProp(document.documentElement, 'scrollHeight', 600)
    subscribe(100)
    expect(fired).toEqual([100])
  })

  it('waits for load before judging a page that is still loading (it may grow)', () => {
    setProp(document, 'readyState', 'loading')
    setProp(document.documentElement, 'scrollHeight', 700)
    subscribe(90)
    expect(fired).toEqual([])
    setProp(document.documentElement, 'scrollHeight', 5000) // images arrived
    window.dispatchEvent(new Event('load'))
    expect(fired).toEqual([])
    scrollTo(4000)
    expect(fired).toEqual([96])
  })

  it('re-checks on resize (a taller viewport shows more)', () => {
    subscribe(30)
    setProp(window, 'innerHeight', 1300)
    window.dispatchEvent(new Event('resize'))
    expect(fired).toEqual([33])
  })

  it('dispose removes the listeners', () => {
    subscribe(50)
    dispose()
    scrollTo(3200)
    expect(fired).toEqual([])
  })

  it('does nothing without a window (SSR)', () => {
    vi.stubGlobal('window', undefined)
    dispose = onScrollDepth(() => fired.push(1), { percent: 0 })
    vi.unstubAllGlobals()
    expect(fired).toEqual([])
  })
})
