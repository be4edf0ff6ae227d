import { describe, expect, it } from 'vitest'
import { isUnsafeRegex } from '../../src/config/isUnsafeRegex'

describe('isUnsafeRegex', () => {
  it.each([
    '(a+)+',
    '(a*)*',
    '(a|a)*',
    '(.*){3}',
    '(?:a+)+',
    '((ab)*)+',
    '((a)+b)*',
    '(\\w+\\s?)*$',
    '(?<word>[a-z]+)+',
    '^(([a-z])+.)+[A-Z]([a-z])+$',
    '.*a.*b.*c.*d',
    '^.+/.+/.+/.+$',
  ])('rejects %s', (src) => expect(isUnsafeRegex(src)).toBe(true))

  it.each([
    '^/p/\\d+$',
    '(foo|bar)\\.com',
    '^/(en|de)/products/.*$',
    '[a-z]+(\\.html)?$',
    '(ab)?c',
    '\\(a+\\)+',
    '[(a+)]+',
    '^/products/[^/]+/reviews$',
    '(?=a+)b',
    'a+b*c{2,}',
    '^/shop/.*/item/.*/reviews/.*$',
    '\\.*\\.*\\.*\\.*',
  ])('accepts %s', (src) => expect(isUnsafeRegex(src)).toBe(false))
})
