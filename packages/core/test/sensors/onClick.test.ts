import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onClick } from '../../src/sensors/onClick'

let fired: Element[]
let dispose: () => void
beforeEach(() => {
  fired = []
  document.body.replaceChildren()
})
afterEach(() => dispose?.())

function button(cls: string): HTMLButtonElement {
  const b = document.createElement('button')
  b.className = cls
  const icon = document.createElement('span')
  b.append(icon, 'Go')
  document.body.append(b)
  return b
}

describe('onClick', () => {
  it('reports clicks on the selector or inside it, with the matching element', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: '.cta', window })
    const cta = button('cta')
    const other = button('other')
    cta.click()
    ;(cta.firstChild as HTMLElement).click()
    other.click()
    expect(fired).toEqual([cta, cta])
  })

  it('delegates: elements added later count', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: '[data-offer]', window })
    const late = button('late')
    late.dataset.offer = ''
    late.click()
    expect(fired).toEqual([late])
  })

  it('still sees clicks the page stops from propagating', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: '.cta', window })
    const cta = button('cta')
    cta.addEventListener('click', (e) => e.stopPropagation())
    cta.click()
    expect(fired).toEqual([cta])
  })

  it('an invalid selector subscribes nothing and never throws', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: 'button[', window })
    button('x').click()
    expect(fired).toEqual([])
    expect(() => dispose()).not.toThrow()
  })

  it('ignores clicks whose target is not an element', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: '*', window })
    document.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(fired).toEqual([])
  })

  it('dispose removes the listener', () => {
    dispose = onClick((d) => fired.push(d.element), { selector: '.cta', window })
    dispose()
    button('cta').click()
    expect(fired).toEqual([])
  })

  it('does nothing without a window (SSR)', () => {
    vi.stubGlobal('window', undefined)
    dispose = onClick((d) => fired.push(d.element), { selector: '.cta' })
    vi.unstubAllGlobals()
    button('cta').click()
    expect(fired).toEqual([])
  })
})
