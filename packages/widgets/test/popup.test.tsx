import { afterEach, describe, expect, test, vi } from 'vitest'
import { open, popup } from './helpers'

afterEach(() => {
  vi.useRealTimers()
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
})

describe('content', () => {
  test('title, body, image, variables as text', () => {
    const w = open(
      popup({
        title: 'Hi {{name}}',
        body: 'Cart: {{cart.value}}{{missing}}',
        image: { src: '/a.png', alt: 'A {{name}}' },
      }),
      {
        vars: { name: '<b>Ann</b>', 'cart.value': '€9' },
      },
    )
    expect(w.$('h2')!.textContent).toBe('Hi <b>Ann</b>')
    expect(w.$('h2 b')).toBeNull()
    expect(w.$('p')!.textContent).toBe('Cart: €9')
    expect(w.$('img')!.getAttribute('src')).toBe('/a.png')
    expect(w.$('img')!.getAttribute('alt')).toBe('A <b>Ann</b>')
  })

  test('cart items preview: name, quantity, image only when safe', () => {
    const w = open(popup({ title: 'Cart', items: true }), {
      cartItems: [
        { id: 'a', name: 'Mug', price: 1, quantity: 2, image: '/mug.png' },
        { id: 'b', price: 1, quantity: 1, image: 'javascript:alert(1)' },
      ],
    })
    const rows = w.$$('.it li')
    expect(rows.map((r) => r.textContent)).toEqual(['Mug×2', 'b×1'])
    expect(w.$$('.it img').map((i) => i.getAttribute('src'))).toEqual(['/mug.png'])
    expect(open(popup({ title: 'Empty', items: true })).$('.it')).toBeNull()
  })

  test('countdown ticks every second and stops at 00:00', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
    const w = open(popup({ title: 'T', countdown: { minutes: 1, label: 'Ends in' } }))
    expect(w.$('[role=timer]')!.textContent).toBe('Ends in 01:00')
    vi.advanceTimersByTime(1000)
    expect(w.$('[role=timer]')!.textContent).toBe('Ends in 00:59')
    vi.advanceTimersByTime(60_000)
    expect(w.$('[role=timer]')!.textContent).toBe('Ends in 00:00')
    expect(vi.getTimerCount()).toBe(0)
    const u = open(popup({ title: 'T', countdown: { until: '2026-01-01T02:01:06Z' } }))
    expect(u.$('[role=timer] b')!.textContent).toBe('2:00:05')
    u.widget.unmount()
    expect(
      open(popup({ title: 'T', countdown: { until: 'garbage' } })).$('[role=timer] b')!.textContent,
    ).toBe('00:00')
  })
})

describe('actions', () => {
  test('a CTA link converts at the click and the widget leaves after it (so the browser still navigates)', () => {
    vi.useFakeTimers()
    const w = open(popup({ title: 'T', cta: { label: 'Shop', href: '/shop?c={{code}}' } }), {
      vars: { code: 'X1' },
    })
    const a = w.button('Shop') as unknown as HTMLAnchorElement
    expect(a.tagName).toBe('A')
    expect(a.getAttribute('href')).toBe('/shop?c=X1')
    a.addEventListener('click', (e) => e.preventDefault())
    a.click()
    // Recorded before a fast navigation can unload the page; the link is still in the document.
    expect(w.calls).toEqual([{ type: 'close', reason: 'converted' }])
    expect(a.isConnected).toBe(true)
    vi.runAllTimers()
    expect(a.isConnected).toBe(false)
    expect(w.calls).toEqual([{ type: 'close', reason: 'converted' }])
  })

  test('an unsafe href (even one built from a variable) renders no link, just a closing CTA', () => {
    const w = open(popup({ title: 'T', cta: { label: 'Go', href: '{{u}}' } }), {
      vars: { u: 'javascript:alert(1)' },
    })
    expect(w.$('a')).toBeNull()
    w.button('Go')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason: 'converted' }])
  })

  test('show: converts this one, then asks the host to show the next', () => {
    const w = open(popup({ title: 'T', cta: { label: 'More', action: 'show', campaign: 'next' } }))
    w.button('More')!.click()
    expect(w.calls).toEqual([
      { type: 'close', reason: 'converted' },
      { type: 'show', id: 'next' },
    ])
  })

  test('secondary close action dismisses', () => {
    const w = open(popup({ title: 'T', secondary: { label: 'No thanks', action: 'close' } }))
    w.button('No thanks')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
  })

  test('coupon copy: clipboard, "Copied" announced, the close is a conversion', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = open(popup({ title: 'T', coupon: '{{code}}' }), { vars: { code: 'SAVE5' } })
    expect(w.$('code')!.textContent).toBe('SAVE5')
    expect(w.$('[aria-live=polite]')!.textContent).toBe('')
    w.button('Copy')!.click()
    await vi.waitFor(() => expect(w.$('[aria-live=polite]')!.textContent).toBe('Copied'))
    expect(writeText).toHaveBeenCalledWith('SAVE5')
    expect(w.button('Copied')).toBeDefined()
    w.button('Close')!.click()
    expect(w.calls).toEqual([
      { type: 'campaign.clicked', props: { action: 'copy-coupon' } },
      { type: 'close', reason: 'converted' },
    ])
  })

  test('copy-coupon CTA; without a clipboard it selects the code instead', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
    const w = open(popup({ title: 'T', coupon: 'C9', cta: { label: 'Copy code', action: 'copy-coupon' } }))
    w.button('Copy code')!.click()
    await vi.waitFor(() => expect(document.getSelection()?.toString()).toBe('C9'))
    expect(w.tracked()).toEqual([{ type: 'campaign.clicked', props: { action: 'copy-coupon' } }])
  })
})

describe('email capture', () => {
  const email = { placeholder: 'you@x', submit: 'Join', consent: 'Email me offers', required: true }

  test('validates, tracks lead.captured, shows the success step, closes as converted', () => {
    const w = open(popup({ title: 'List', email, success: { title: 'Welcome!', body: 'Check your inbox.' } }))
    const input = w.$<HTMLInputElement>('input[type=email]')!
    expect(w.$('label[for=e]')!.textContent).toBe('Email')
    expect(input.placeholder).toBe('you@x')
    input.value = 'nope'
    w.button('Join')!.click()
    expect(w.$('[role=alert]')!.textContent).toBe('Enter a valid email')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(w.root.activeElement).toBe(input)
    input.value = ' ann@example.com '
    w.button('Join')!.click()
    expect(w.$('[role=alert]')!.textContent).toBe('Please tick the box')
    const box = w.$<HTMLInputElement>('input[type=checkbox]')!
    expect(box.closest('label')!.textContent).toBe('Email me offers')
    box.checked = true
    w.button('Join')!.click()
    expect(w.tracked()).toEqual([
      { type: 'lead.captured', props: { email: 'ann@example.com', consent: true } },
    ])
    expect(w.$('h2')!.textContent).toBe('Welcome!')
    expect(w.root.activeElement).toBe(w.$('h2'))
    expect(w.$('p')!.textContent).toBe('Check your inbox.')
    w.button('Close')!.click()
    expect(w.calls.at(-1)).toEqual({ type: 'close', reason: 'converted' })
  })

  test('consent optional: unticked is sent as false; default success title and submit label', () => {
    const w = open(popup({ title: 'List', email: { consent: 'Offers too' } }))
    w.$<HTMLInputElement>('input[type=email]')!.value = 'a@b.co'
    w.button('Sign up')!.click()
    expect(w.tracked()).toEqual([{ type: 'lead.captured', props: { email: 'a@b.co', consent: false } }])
    expect(w.$('h2')!.textContent).toBe('Thank you!')
  })
})

describe('teaser', () => {
  test('closing shrinks to the teaser, which reopens the pop-up or dismisses it', () => {
    const w = open(popup({ title: 'Deal', teaser: '10% off' }, { layout: 'slide-in' }))
    w.button('Close')!.click()
    expect(w.calls).toEqual([])
    expect(w.$('[role=dialog]')).toBeNull()
    const tab = w.button('10% off')!
    expect(w.$('section')!.getAttribute('aria-label')).toBe('10% off')
    expect(w.root.activeElement).toBe(tab)
    tab.click()
    expect(w.$('h2')!.textContent).toBe('Deal')
    expect(w.root.activeElement).toBe(w.button('Close'))
    w.button('Close')!.click()
    w.button('Close')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
    expect(document.querySelector('linger-widget')).toBeNull()
  })
})
