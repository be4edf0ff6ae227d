import { describe, expect, it } from 'vitest'
import { checkDevice } from '../../src/targeting/checkDevice'
import { checkLocale } from '../../src/targeting/checkLocale'
import { checkUtm } from '../../src/targeting/checkUtm'
import { checkVisitor } from '../../src/targeting/checkVisitor'
import { parseUtm } from '../../src/targeting/parseUtm'

describe('utm', () => {
  it('reads utm_* parameters of the landing URL', () => {
    expect(parseUtm('https://a.test/?utm_source=News&utm_medium=email&x=1')).toEqual({
      source: 'News',
      medium: 'email',
    })
    expect(parseUtm('not a url')).toEqual({})
  })
  it('matches one value or any of a list, case-insensitively', () => {
    expect(checkUtm({ source: 'news' }, { source: 'News' })).toBeUndefined()
    expect(checkUtm({ source: ['ads', 'news'], medium: 'email' }, { source: 'news', medium: 'email' })).toBe(
      undefined,
    )
    expect(checkUtm({ medium: 'cpc' }, { medium: 'email' })).toEqual({
      show: false,
      code: 'utm',
      detail: { key: 'medium', value: 'email' },
    })
    expect(checkUtm({ source: 'news' }, {})?.code).toBe('utm')
    expect(checkUtm(undefined, {})).toBeUndefined()
  })
})

describe('device', () => {
  it('passes listed devices only', () => {
    expect(checkDevice(['desktop', 'tablet'], 'tablet')).toBeUndefined()
    expect(checkDevice(['desktop'], 'mobile')?.code).toBe('device')
    expect(checkDevice(undefined, 'mobile')).toBeUndefined()
  })
})

describe('visitor', () => {
  it('separates new and returning visitors', () => {
    expect(checkVisitor({ type: 'new' }, { isNew: true, visitCount: 1 })).toBeUndefined()
    expect(checkVisitor({ type: 'new' }, { isNew: false, visitCount: 2 })?.code).toBe('visitor-type')
    expect(checkVisitor({ type: 'returning' }, { isNew: true, visitCount: 1 })?.code).toBe('visitor-type')
    expect(checkVisitor({ type: 'returning' }, { isNew: false, visitCount: 2 })).toBeUndefined()
  })
  it('bounds the visit count inclusively', () => {
    const v = { minVisits: 2, maxVisits: 3 }
    expect(checkVisitor(v, { isNew: true, visitCount: 1 })?.code).toBe('visit-count')
    expect(checkVisitor(v, { isNew: false, visitCount: 2 })).toBeUndefined()
    expect(checkVisitor(v, { isNew: false, visitCount: 3 })).toBeUndefined()
    expect(checkVisitor(v, { isNew: false, visitCount: 4 })?.code).toBe('visit-count')
  })
})

describe('locale', () => {
  it('matches by language prefix, case-insensitively', () => {
    expect(checkLocale(['de'], 'de-AT')).toBeUndefined()
    expect(checkLocale(['de'], 'de')).toBeUndefined()
    expect(checkLocale(['DE-at'], 'de-AT')).toBeUndefined()
    expect(checkLocale(['de-AT'], 'de-DE')?.code).toBe('locale')
    expect(checkLocale(['de'], 'dea')?.code).toBe('locale')
    expect(checkLocale(['en', 'fr'], 'fr-CA')).toBeUndefined()
    expect(checkLocale([], 'xx')).toBeUndefined()
  })
})
