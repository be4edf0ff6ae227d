import { afterEach, describe, expect, it } from 'vitest'
import { keepClear } from '../../src/campaigns/keepClear'
import type { Campaign } from '../../src/types'

// happy-dom lays nothing out: each landmark gets the box a browser would give it.
function landmark(tag: string, box: { top: number; bottom: number }, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  el.getBoundingClientRect = () =>
    ({ ...box, height: box.bottom - box.top, left: 0, right: 800, width: 800 }) as DOMRect
  document.body.append(el)
  return el
}

/** A widget as @linger/widgets mounts it: a dialog in the open shadow root of `<linger-widget>`. */
function widget() {
  const host = document.createElement('linger-widget')
  document.body.append(host)
  const panel = document.createElement('div')
  panel.setAttribute('role', 'dialog')
  host.attachShadow({ mode: 'open' }).append(panel)
  return { host, panel }
}

const popup = (layout: string) => ({ id: 'p', kind: 'popup', layout }) as Campaign
const vh = window.innerHeight

afterEach(() => document.body.replaceChildren())

describe('keepClear', () => {
  it('puts a top bar under the header in view, and at the top once it scrolled away', () => {
    const header = landmark('header', { top: 0, bottom: 64 })
    const { panel } = widget()
    keepClear(window, popup('bar-top'))
    expect(panel.style.transform).toBe('translateY(64px)')
    header.getBoundingClientRect = () => ({ top: -200, bottom: -136, height: 64 }) as DOMRect
    window.dispatchEvent(new Event('scroll'))
    expect(panel.style.transform).toBe('')
  })

  it('adds up strips stacked at the top (a promo line over a sticky nav), whatever their order in the page', () => {
    landmark('nav', { top: 30, bottom: 90 })
    landmark('div', { top: 0, bottom: 30 }, { role: 'banner' })
    const { panel } = widget()
    keepClear(window, popup('bar-top'))
    expect(panel.style.transform).toBe('translateY(90px)')
  })

  it('ignores a sidebar and a navigation further down the page', () => {
    landmark('nav', { top: 0, bottom: vh })
    landmark('nav', { top: 400, bottom: 440 })
    const { panel } = widget()
    keepClear(window, popup('bar-top'))
    expect(panel.style.transform).toBe('')
  })

  it('lifts a bottom bar, and a survey’s slide-in, above a bottom navigation', () => {
    landmark('nav', { top: vh - 56, bottom: vh }, { 'aria-label': 'Tabs' })
    for (const campaign of [popup('bar-bottom'), { id: 's', kind: 'nps' } as Campaign]) {
      const { panel, host } = widget()
      keepClear(window, campaign)
      expect(panel.style.transform).toBe('translateY(-56px)')
      host.remove()
    }
  })

  it('leaves a modal alone, and stops once the widget is gone', () => {
    const header = landmark('header', { top: 0, bottom: 64 })
    const modal = widget()
    keepClear(window, popup('modal'))
    expect(modal.panel.style.transform).toBe('')
    modal.host.remove()
    const bar = widget()
    keepClear(window, popup('bar-top'))
    bar.host.remove()
    header.getBoundingClientRect = () => ({ top: 0, bottom: 100, height: 100 }) as DOMRect
    window.dispatchEvent(new Event('scroll'))
    expect(bar.panel.style.transform).toBe('translateY(64px)')
  })
})
