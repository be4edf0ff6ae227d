import { describe, expect, test } from 'vitest'
import { fillVars } from '../src/text/fillVars'
import { isRtl } from '../src/text/isRtl'
import * as K from '../src/text/keys'
import { resolveText } from '../src/text/resolveText'
import { safeUrl } from '../src/text/safeUrl'
import { uiString } from '../src/text/uiString'

describe('resolveText', () => {
  const text = { fr: 'Bonjour', de: 'Hallo', 'de-AT': 'Servus', en: 'Hello' }
  test('exact locale, then language, then en, then the first', () => {
    expect(resolveText(text, 'de-AT')).toBe('Servus')
    expect(resolveText(text, 'de-CH')).toBe('Hallo')
    expect(resolveText(text, 'it')).toBe('Hello')
    expect(resolveText({ fr: 'Bonjour', de: 'Hallo' }, 'it')).toBe('Bonjour')
  })
  test('plain strings and missing text', () => {
    expect(resolveText('Hi', 'de')).toBe('Hi')
    expect(resolveText(undefined, 'en')).toBe('')
    expect(resolveText({}, 'en')).toBe('')
  })
})

describe('fillVars', () => {
  test('substitutes known variables, empties unknown ones', () => {
    expect(
      fillVars('You left {{cart.count}} items ({{ cart.value }}){{nope}}', {
        'cart.count': '2',
        'cart.value': '€4',
      }),
    ).toBe('You left 2 items (€4)')
  })
  test('one pass: a value is never expanded again, prototype keys are unknown', () => {
    expect(fillVars('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}')
    expect(fillVars('[{{constructor}}][{{__proto__}}][{{toString}}]', {})).toBe('[][][]')
  })
})

describe('safeUrl', () => {
  test.each([
    'https://a.example/x',
    'http://a.example',
    '/cart',
    'cart?x=1',
    '#top',
    'mailto:a@b.c',
    'tel:+4912',
    '//cdn.example/x',
  ])('keeps %s', (url) => expect(safeUrl(url)).toBe(url))
  test.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'blob:https://a.example/1',
    'file:///etc/passwd',
    'ftp://a.example',
    '',
    undefined,
  ])('drops %j', (url) => expect(safeUrl(url)).toBeUndefined())
})

test('isRtl for Arabic, Hebrew, Persian and Urdu only', () => {
  expect(['ar', 'ar-EG', 'he', 'fa-IR', 'ur'].map(isRtl)).toEqual([true, true, true, true, true])
  expect(['en', 'de', 'arn', 'fr-CA'].map(isRtl)).toEqual([false, false, false, false])
})

test('built-in strings in en, de, fr, es and ar, falling back to en', () => {
  expect(uiString('en')(K.close)).toBe('Close')
  expect(uiString('de-AT')(K.close)).toBe('Schließen')
  expect(uiString('fr')(K.copied)).toBe('Copié')
  expect(uiString('es')(K.send)).toBe('Enviar')
  expect(uiString('ar')(K.close)).toBe('إغلاق')
  expect(uiString('ja')(K.thanks)).toBe('Thank you!')
  for (const lang of ['de', 'fr', 'es', 'ar'])
    for (let k = K.close; k <= K.of; k++)
      expect(uiString(lang)(k), `${lang} ${k}`).not.toBe(uiString('en')(k))
})
