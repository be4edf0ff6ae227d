import { describe, expect, it } from 'vitest'
import { isSafeLink } from '../../src/config/isSafeLink'

describe('isSafeLink', () => {
  it.each([
    '/cart',
    'cart?x=1:2',
    '#top',
    '?q=a:b',
    '//cdn.example.com/a.png',
    'https://example.com/a:b',
    'HTTP://EXAMPLE.COM',
    'mailto:help@example.com',
    'tel:+49 30 1234',
    '',
  ])('allows %j', (href) => expect(isSafeLink(href)).toBe(true))

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\r\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    '%6Aavascript:alert(1)',
    '\u00a0javascript:alert(1)',
  ])('refuses %j', (href) => expect(isSafeLink(href)).toBe(false))
})
