import { afterEach, describe, expect, it } from 'vitest'
import { keepClear } from '../src/mount/keepClear'

// happy-dom lays nothing out: each landmark gets the box a browser would give it.
function landmark(tag: string, box: { top: number; bottom: number }, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  el.getBoundingClientRect = () =>
    ({ ...box, height: box.bottom - box.top, left: 0, right: 800, width: 800 }) as DOMRect
  document.body.append(el)
  return el
}

afterEach(() => document.body.replaceChildren())

describe('keepClear', () => {
  const vh = window.innerHeight

  it('puts a top bar under the header in view, and at the top once it scrolled away', () => {
    const header = landmark('header', { top: 0, bottom: 64 })
    const panel = document.createElement('div')
    const stop = keepClear(window, panel, true)
    expect(panel.style.transform).toBe('translateY(64px)')
    header.getBoundingClientRect = () => ({ top: -200, bottom: -136, height: 64 }) as DOMRect
    window.dispatchEvent(new Event('scroll'))
    expect(panel.style.transform).toBe('')
    stop()
  })

  it('adds up strips stacked at the top (a promo line over a sticky nav), whatever their order in the page', () => {
    landmark('nav', { top: 30, bottom: 90 })
    landmark('div', { top: 0, bottom: 30 }, { role: 'banner' })
    const panel = document.createElement('div')
    keepClear(window, panel, true)()
    expect(panel.style.transform).toBe('translateY(90px)')
  })

  it('ignores a sidebar and a navigation further down the page', () => {
    landmark('nav', { top: 0, bottom: vh })
    landmark('nav', { top: 400, bottom: 440 })
    const panel = document.createElement('div')
    keepClear(window, panel, true)()
    expect(panel.style.transform).toBe('')
  })

  it('lifts a bottom bar or card above a bottom navigation', () => {
    landmark('nav', { top: vh - 56, bottom: vh }, { 'aria-label': 'Tabs' })
    const panel = document.createElement('div')
    keepClear(window, panel, false)()
    expect(panel.style.transform).toBe('translateY(-56px)')
  })
})
