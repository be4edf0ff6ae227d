import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onExitIntent } from '../../src/sensors/onExitIntent'
import { setProp, wait } from './helpers'

// A 1000 px wide viewport with a 15 px scrollbar at the right.
const WIDTH = 985

function move(y: number, x = 400): void {
  document.body.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }))
  wait(16)
}
function leave(
  y = -5,
  x = 400,
  relatedTarget: EventTarget | null = null,
  from: Element = document.body,
): void {
  from.dispatchEvent(new MouseEvent('mouseout', { clientX: x, clientY: y, relatedTarget, bubbles: true }))
}
function enter(): void {
  document.body.dispatchEvent(new MouseEvent('mouseover', { clientX: 400, clientY: 2, bubbles: true }))
}
/** The real thing: the pointer rises through the page and leaves through the top edge. */
function exitUp(x = 400): void {
  for (const y of [400, 300, 200, 100, 30]) move(y, x)
  leave(-5, x)
}

let fired: Array<{ source: string }>
let dispose: () => void
function subscribe(opts: Parameters<typeof onExitIntent>[1] = {}): void {
  dispose = onExitIntent((d) => fired.push(d), { window, ...opts })
}

beforeEach(() => {
  vi.useFakeTimers()
  setProp(document.documentElement, 'clientWidth', WIDTH)
  document.body.replaceChildren()
  fired = []
})
afterEach(() => {
  dispose?.()
  vi.useRealTimers()
})

describe('onExitIntent', () => {
  it('fires once, after the 30 ms grace period, when the pointer rises out through the top', () => {
    subscribe()
    wait(3000)
    exitUp()
    wait(29)
    expect(fired).toEqual([])
    wait(1)
    expect(fired).toEqual([{ source: 'pointer' }])
    enter()
    exitUp()
    wait(1000)
    expect(fired).toHaveLength(1)
  })

  it('is armed only after minSeconds on the page', () => {
    subscribe()
    wait(2800)
    exitUp()
    wait(1000)
    expect(fired).toEqual([])
    enter()
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('honours a custom minSeconds, graceMs and thresholdPx', () => {
    subscribe({ minSeconds: 10, graceMs: 1000, thresholdPx: 50 })
    wait(9000)
    for (const y of [300, 200, 100]) move(y)
    leave(45)
    wait(2000)
    expect(fired).toEqual([])
    wait(1000)
    for (const y of [300, 200, 100]) move(y)
    leave(45)
    wait(999)
    expect(fired).toEqual([])
    wait(1)
    expect(fired).toHaveLength(1)
  })

  it('is cancelled when the pointer comes back within the grace period', () => {
    subscribe()
    wait(3000)
    exitUp()
    wait(25)
    enter()
    wait(1000)
    expect(fired).toEqual([])
    // Still armed: a later real exit fires.
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('ignores a pointer entering from the tab strip at load (ouibounce #38, #48)', () => {
    // Even with no minimum time: the entry burst has no upward motion behind it.
    subscribe({ minSeconds: 0 })
    wait(0)
    enter()
    leave(0)
    enter()
    for (const y of [2, 20, 60, 120]) move(y)
    wait(1000)
    expect(fired).toEqual([])
  })

  it('counts only travel inside the page: poking 6 px in and back out far above is no rise', () => {
    subscribe({ minSeconds: 0 })
    wait(0)
    move(6)
    leave(-30) // Chrome reports the first point outside, which can be well above the edge
    wait(1000)
    expect(fired).toEqual([])
  })

  it('ignores a pointer that sits at the top edge and drifts out', () => {
    subscribe({ minSeconds: 0 })
    wait(0)
    for (const y of [300, 100, 12]) move(y)
    wait(500)
    move(8)
    leave(-1)
    wait(1000)
    expect(fired).toEqual([])
  })

  it('requires the pointer to leave near the top: not the bottom or the sides', () => {
    subscribe()
    wait(3000)
    for (const y of [300, 500, 700]) move(y)
    leave(805)
    for (const x of [300, 100, 10]) move(300, x)
    leave(300, -5)
    for (const x of [500, 800, 980]) move(300, x)
    leave(300, 1005)
    // Rising, but leaving below the threshold (e.g. over browser UI painted on the page).
    for (const y of [400, 300, 200]) move(y)
    leave(21)
    wait(1000)
    expect(fired).toEqual([])
  })

  it('ignores the scrollbar: hovering or dragging it up past the top (beeker #14, #26)', () => {
    subscribe()
    wait(3000)
    for (const y of [400, 200, 50]) move(y, 990)
    leave(-20, 990, null, document.documentElement)
    wait(1000)
    expect(fired).toEqual([])
    enter()
    exitUp(WIDTH - 1)
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('counts clientY, so leaving a scrolled page still fires (jquery.exitintent #1)', () => {
    setProp(window, 'scrollY', 2000)
    subscribe()
    wait(3000)
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
    setProp(window, 'scrollY', 0)
  })

  it('counts a leave from a fixed header (ouibounce #115)', () => {
    const header = document.createElement('header')
    document.body.append(header)
    subscribe()
    wait(3000)
    for (const y of [300, 100, 30]) move(y)
    leave(-5, 400, null, header)
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('ignores exits while a <select> is open or focused (ouibounce #139)', () => {
    const select = document.createElement('select')
    select.append(document.createElement('option'), document.createElement('option'))
    document.body.append(select)
    subscribe()
    wait(3000)
    select.focus()
    expect(document.activeElement).toBe(select)
    exitUp()
    wait(1000)
    expect(fired).toEqual([])
    select.blur()
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it.each([
    ['an input with autocomplete', '<input autocomplete="email" type="email">'],
    ['a datalist-bound input', '<input list="l"><datalist id="l"><option value="x"></option></datalist>'],
    ['a textarea', '<textarea></textarea>'],
    ['a date input', '<input type="date">'],
    ['a password field (Firefox insecure-form warning, beeker #38)', '<input type="password">'],
  ])('ignores exits while %s has focus (autofill: use-exit-intent #4, beeker #20)', (_, html) => {
    const form = document.createElement('form')
    document.body.append(form)
    // Test-only markup; the tests build their fixtures with the DOM parser for brevity.
    form.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes)
    const field = form.querySelector('input, textarea') as HTMLElement
    subscribe()
    wait(3000)
    field.focus()
    exitUp()
    wait(1000)
    expect(fired).toEqual([])
    field.blur()
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('sees a focused field inside a web component (shadow DOM)', () => {
    const host = document.createElement('x-address-form')
    const input = document.createElement('input')
    host.attachShadow({ mode: 'open' }).append(input)
    document.body.append(host)
    subscribe()
    wait(3000)
    input.focus()
    expect(document.activeElement).toBe(host)
    exitUp()
    wait(1000)
    expect(fired).toEqual([])
    input.blur()
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('ignores a mouseout caused by the context menu (beeker #20)', () => {
    subscribe()
    wait(3000)
    for (const y of [300, 100, 30]) move(y)
    document.body.dispatchEvent(new MouseEvent('contextmenu', { clientX: 400, clientY: 30, bubbles: true }))
    leave(-5) // the pointer goes over the menu, which is outside the page
    wait(1000)
    expect(fired).toEqual([])
    // Menu closed, the visitor moves on and leaves for real.
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('catches a fast flick with a single mousemove inside the page (danhayden #2)', () => {
    subscribe()
    wait(3000)
    move(350)
    leave(-40)
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('still fires while a checkbox has focus: it has no browser menu', () => {
    const box = document.createElement('input')
    box.type = 'checkbox'
    document.body.append(box)
    subscribe()
    wait(3000)
    box.focus()
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('ignores exits within 300 ms of picking an autofill entry or option', () => {
    const input = document.createElement('input')
    document.body.append(input)
    subscribe()
    wait(3000)
    for (const y of [300, 200, 100]) move(y)
    input.dispatchEvent(new Event('change', { bubbles: true }))
    move(40)
    leave(-5)
    wait(1000)
    expect(fired).toEqual([])
    input.dispatchEvent(new Event('input', { bubbles: true }))
    wait(300)
    exitUp()
    wait(200)
    expect(fired).toHaveLength(1)
  })

  it('ignores the pointer moving into an iframe, and window blur (exit-intent-js 1.1.1)', () => {
    // Not attached: happy-dom would try to load it; only its identity as relatedTarget matters.
    const frame = document.createElement('iframe')
    subscribe()
    wait(3000)
    for (const y of [300, 100, 30]) move(y)
    leave(10, 400, frame)
    window.dispatchEvent(new Event('blur'))
    wait(1000)
    expect(fired).toEqual([])
  })

  it('dispose removes every listener and timer, also mid-grace', () => {
    subscribe()
    wait(3000)
    exitUp()
    dispose()
    expect(vi.getTimerCount()).toBe(0)
    wait(1000)
    exitUp()
    wait(1000)
    expect(fired).toEqual([])

    subscribe()
    dispose()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('re-arms when the caller subscribes again', () => {
    subscribe({ minSeconds: 0 })
    wait(0)
    exitUp()
    wait(200)
    enter()
    subscribe({ minSeconds: 0 })
    wait(0)
    exitUp()
    wait(200)
    expect(fired).toHaveLength(2)
  })

  it('does nothing without a window (SSR)', () => {
    vi.stubGlobal('window', undefined)
    const off = onExitIntent(() => fired.push({ source: 'x' }))
    vi.unstubAllGlobals()
    expect(vi.getTimerCount()).toBe(0)
    off()
  })
})
