import type { Campaign } from '@linger/core/types'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { mountCsat } from '../src/csat'
import { attachHost } from '../src/mount/attachHost'
import { css } from '../src/mount/css'
import { mountNps } from '../src/nps'
import { mountPopup } from '../src/popup'
import { mountPush } from '../src/push'
import { fakeHost, key, open, popup } from './helpers'

afterEach(() => {
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
  document.body.innerHTML = ''
})

describe('shadow host', () => {
  test('a <linger-widget> on <body> with an open shadow root styled by an adopted sheet', () => {
    const w = open(popup({ title: 'Hi' }))
    expect(w.el.parentElement).toBe(document.body)
    expect(w.root.mode).toBe('open')
    expect(w.root.adoptedStyleSheets).toHaveLength(1)
    expect(w.root.querySelector('style')).toBeNull()
    expect(css).toContain(
      ':host{all:initial!important;position:fixed!important;z-index:2147483647!important}',
    )
    expect(css).not.toMatch(/\drem\b/)
  })

  test('falls back to a <style> element without constructable stylesheets', () => {
    // A document without a window (no CSSStyleSheet constructor to reach).
    const { root } = attachHost(document.implementation.createHTMLDocument())
    expect(root.adoptedStyleSheets).toHaveLength(0)
    expect(root.querySelector('style')?.textContent).toBe(css)
  })

  test('unmount removes it without events; close reports and removes once', () => {
    const w = open(popup({ title: 'Hi' }))
    w.widget.unmount()
    w.widget.unmount()
    expect(document.querySelector('linger-widget')).toBeNull()
    expect(w.calls).toEqual([])
    const v = open(popup({ title: 'Hi' }))
    v.button('Close')!.click()
    v.widget.unmount()
    expect(v.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
    expect(document.querySelector('linger-widget')).toBeNull()
  })
})

describe('mount picks the widget by kind, each kind also mounts alone', () => {
  const trigger = { type: 'manual' } as const
  const kinds: Array<[Campaign, string, (c: Campaign, h: ReturnType<typeof fakeHost>['host']) => unknown]> = [
    [popup({ title: 'P' }), 'P', mountPopup],
    [{ id: 'n', kind: 'nps', trigger, question: 'N?' }, 'N?', mountNps],
    [{ id: 'c', kind: 'csat', trigger, question: 'C?' }, 'C?', mountCsat],
    [
      { id: 'u', kind: 'push', trigger, vapidPublicKey: 'k', content: { title: 'U', allow: 'y', deny: 'n' } },
      'U',
      mountPush,
    ],
  ]
  test.each(kinds)('%#', (campaign, title, alone) => {
    expect(open(campaign).$('h2')?.textContent).toBe(title)
    alone(campaign, fakeHost().host)
    const roots = [...document.querySelectorAll('linger-widget')].map((e) => e.shadowRoot!)
    expect(roots[1]!.querySelector('h2')?.textContent).toBe(title)
  })
})

describe('theme, locale and direction', () => {
  test('theme becomes custom properties and a mode class', () => {
    const w = open(
      popup({ title: 'Hi' }),
      {},
      { theme: { color: '#ff0000', radius: 4, font: 'Georgia', mode: 'dark' } },
    )
    const root = w.$('.w')!
    expect(root.style.getPropertyValue('--c')).toBe('#ff0000')
    expect(root.style.getPropertyValue('--r')).toBe('4px')
    expect(root.style.getPropertyValue('--f')).toBe('Georgia')
    expect(root.classList.contains('dk')).toBe(true)
    expect(
      open(popup({ title: 'Hi' }))
        .$('.w')!
        .classList.contains('au'),
    ).toBe(true)
    expect(open(popup({ title: 'Hi' }), {}, { theme: { mode: 'light' } }).$('.w')!.className).not.toMatch(
      /au|dk/,
    )
  })

  test.each([
    'url(//tracker.example/pixel.png)',
    'image-set("//tracker.example/a.png" 1x)',
    'var(--x)',
    'expression(alert(1))',
    'red;background:url(//tracker.example/p.png)',
    'red}',
    '@import "//tracker.example/x.css"',
    'rgb(var(--x), 0, 0)',
  ])('a theme that skipped validation cannot write %s into a style (issue 25, finding 4)', (bad) => {
    const w = open(
      popup({ title: 'Hi' }),
      {},
      {
        theme: { color: bad, font: bad, radius: `1px;background:${bad}` as unknown as number },
      },
    )
    const style = w.$('.w')!.style
    expect([
      style.getPropertyValue('--c'),
      style.getPropertyValue('--r'),
      style.getPropertyValue('--f'),
    ]).toEqual(['#4f46e5', '12px', 'system-ui,sans-serif'])
  })

  test('colours that parse are written as given', () => {
    for (const color of [
      '#abc',
      '#abcd',
      '#a1b2c3',
      '#a1b2c3d4',
      'rgb(1, 2, 3)',
      'rgba(1,2,3,.5)',
      'hsl(120deg 50% 50% / 0.5)',
      'tomato',
    ])
      expect(
        open(popup({ title: 'Hi' }), {}, { theme: { color } })
          .$('.w')!
          .style.getPropertyValue('--c'),
      ).toBe(color)
  })

  test('font "inherit" copies the page font', () => {
    document.body.style.fontFamily = 'Palatino'
    const w = open(popup({ title: 'Hi' }), {}, { theme: { font: 'inherit' } })
    expect(w.$('.w')!.style.getPropertyValue('--f')).toBe('Palatino')
  })

  test('per-locale text, built-in strings and dir="rtl" for Arabic', () => {
    const w = open(popup({ title: { en: 'Hello', ar: 'مرحبا' } }), { locale: 'ar-EG' })
    expect(w.$('h2')!.textContent).toBe('مرحبا')
    expect(w.$('.w')!.getAttribute('dir')).toBe('rtl')
    expect(w.$('.x')!.getAttribute('aria-label')).toBe('إغلاق')
    const d = open(popup({ title: { en: 'Hello', de: 'Hallo' } }), { locale: 'de-DE' })
    expect(d.$('h2')!.textContent).toBe('Hallo')
    expect(d.$('.w')!.getAttribute('dir')).toBe('ltr')
  })
})

describe('layouts', () => {
  test('modal: backdrop, aria-modal dialog labelled by the title, focus moves in and is trapped', () => {
    const opener = document.body.appendChild(document.createElement('button'))
    opener.focus()
    const w = open(popup({ title: 'Deal', coupon: 'C', cta: { label: 'Go', href: '/go' } }))
    const dialog = w.$('[role=dialog]')!
    expect(w.$('.bd')).not.toBeNull()
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(w.root.getElementById('t')?.textContent).toBe('Deal')
    expect(dialog.getAttribute('aria-labelledby')).toBe('t')
    const [copy, go, close] = [w.button('Copy')!, w.button('Go')!, w.button('Close')!]
    expect(w.root.activeElement).toBe(copy)
    close.focus()
    expect(key(close, 'Tab').defaultPrevented).toBe(true)
    expect(w.root.activeElement).toBe(copy)
    expect(key(copy, 'Tab', true).defaultPrevented).toBe(true)
    expect(w.root.activeElement).toBe(close)
    go.focus()
    expect(key(go, 'Tab').defaultPrevented).toBe(false)
    key(go, 'Escape')
    expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
    expect(document.activeElement).toBe(opener)
  })

  test('returnFocus wins over the previously focused element', () => {
    const a = document.body.appendChild(document.createElement('button'))
    const b = document.body.appendChild(document.createElement('button'))
    a.focus()
    const w = open(popup({ title: 'Deal' }), {}, { returnFocus: b })
    w.button('Close')!.click()
    expect(document.activeElement).toBe(b)
  })

  test('a backdrop click dismisses a modal', () => {
    const w = open(popup({ title: 'Deal' }))
    w.$('.bd')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
  })

  test.each(['slide-in', 'bar-top', 'bar-bottom'])(
    '%s is non-modal: no backdrop, no trap, no focus theft, Esc closes',
    (layout) => {
      const opener = document.body.appendChild(document.createElement('button'))
      opener.focus()
      const w = open(popup({ title: 'Deal', cta: { label: 'Go', href: '/go' } }, { layout }))
      const dialog = w.$('[role=dialog]')!
      expect(dialog.hasAttribute('aria-modal')).toBe(false)
      expect(w.$('.bd')).toBeNull()
      expect(w.$('.w')!.classList.contains(`m-${layout}`)).toBe(true)
      expect(document.activeElement).toBe(opener)
      const close = w.button('Close')!
      close.focus()
      expect(key(close, 'Tab').defaultPrevented).toBe(false)
      key(close, 'Escape')
      expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
    },
  )

  test('slide-in on the left', () => {
    expect(
      open(popup({ title: 'x' }, { layout: 'slide-in', position: 'left' }))
        .$('.w')!
        .classList.contains('left'),
    ).toBe(true)
  })

  test('sheet is modal; a modal becomes a sheet on narrow viewports', () => {
    expect(open(popup({ title: 'x' }, { layout: 'sheet' })).$('[aria-modal=true]')).not.toBeNull()
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (q) => ({ matches: q.includes('640'), media: q }) as MediaQueryList,
    )
    const w = open(popup({ title: 'x' }))
    expect(w.$('.w')!.classList.contains('m-sheet')).toBe(true)
    expect(w.$('[aria-modal=true]')).not.toBeNull()
  })

  test('inline renders into the target, in its own shadow root; a missing target falls back to a slide-in', () => {
    const slot = document.body.appendChild(document.createElement('div'))
    slot.id = 'slot'
    const w = open(popup({ title: 'Inline' }, { layout: 'inline', target: '#slot' }))
    expect(w.el.parentElement).toBe(slot)
    expect(w.el.hasAttribute('inline')).toBe(true)
    expect(w.$('.w')!.classList.contains('m-inline')).toBe(true)
    expect(w.$('[role=dialog]')!.hasAttribute('aria-modal')).toBe(false)
    const v = open(popup({ title: 'Lost' }, { layout: 'inline', target: '#nope' }))
    expect(v.el.parentElement).toBe(document.body)
    expect(v.$('.w')!.classList.contains('m-slide-in')).toBe(true)
    const bad = open(popup({ title: 'Bad' }, { layout: 'inline', target: '[[' }))
    expect(bad.$('.w')!.classList.contains('m-slide-in')).toBe(true)
  })

  test('a pop-up without a title is labelled by its body, else its CTA, else its id', () => {
    const w = open(popup({ body: 'Free shipping today' }, { layout: 'bar-top' }))
    expect(w.$('[role=dialog]')!.getAttribute('aria-label')).toBe('Free shipping today')
    const cta = open(popup({ cta: { label: 'Shop the sale', href: '/sale' } }))
    expect(cta.$('[role=dialog]')!.getAttribute('aria-label')).toBe('Shop the sale')
    const bare = open(popup({ image: { src: '/a.png', alt: '' } }))
    expect(bare.$('[role=dialog]')!.getAttribute('aria-label')).toBe('p')
  })
})
