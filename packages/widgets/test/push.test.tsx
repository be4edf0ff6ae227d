import type { Campaign } from '@linger/core/types'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { WidgetHost } from '../src/host'
import { open } from './helpers'

afterEach(() => {
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
})

const push = {
  id: 'u',
  kind: 'push',
  trigger: { type: 'manual' },
  vapidPublicKey: 'k',
  content: {
    title: 'Restock alerts?',
    body: 'One message per restock.',
    allow: 'Yes please',
    deny: 'Not now',
  },
} as Campaign

describe('push soft prompt', () => {
  test('a non-modal card with the site text', () => {
    const w = open(push)
    expect(w.$('h2')!.textContent).toBe('Restock alerts?')
    expect(w.$('p')!.textContent).toBe('One message per restock.')
    expect(w.$('[aria-modal]')).toBeNull()
    expect(w.$('.w')!.classList.contains('m-slide-in')).toBe(true)
  })

  test.each([
    ['subscribed', 'Subscribed', 'converted'],
    ['denied', 'Blocked', 'dismissed'],
    ['failed', 'Failed', 'dismissed'],
  ] as const)('allow → requestPush → %s is shown; close reports %s', async (result, shown, reason) => {
    let answer!: (r: typeof result) => void
    const requestPush = vi.fn(() => new Promise<typeof result>((done) => (answer = done)))
    const w = open(push, { requestPush } as Partial<WidgetHost>)
    w.button('Yes please')!.click()
    expect(requestPush).toHaveBeenCalledOnce()
    expect(w.button('Yes please')!.disabled).toBe(true)
    expect(w.button('Not now')!.disabled).toBe(true)
    answer(result)
    await vi.waitFor(() => expect(w.$('[role=status]')!.textContent).toBe(shown))
    expect(w.root.activeElement).toBe(w.$('[role=status]'))
    expect(w.button('Yes please')).toBeUndefined()
    w.button('Close')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason }])
  })

  test('a host without requestPush, or one that throws, shows the failure', async () => {
    const w = open(push)
    w.button('Yes please')!.click()
    await vi.waitFor(() => expect(w.$('[role=status]')!.textContent).toBe('Failed'))
    const v = open(push, {
      requestPush: async () => {
        throw new Error('x')
      },
    })
    v.button('Yes please')!.click()
    await vi.waitFor(() => expect(v.$('[role=status]')!.textContent).toBe('Failed'))
  })

  test('deny and close dismiss', () => {
    const w = open(push)
    w.button('Not now')!.click()
    const v = open(push)
    v.button('Close')!.click()
    expect([...w.calls, ...v.calls]).toEqual([
      { type: 'close', reason: 'dismissed' },
      { type: 'close', reason: 'dismissed' },
    ])
  })
})
