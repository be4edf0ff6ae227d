import { describe, expect, it } from 'vitest'
import { checkAudience } from '../../src/targeting/checkAudience'
import { matchRules } from '../../src/targeting/matchRules'
import { urlForms } from '../../src/targeting/urlForms'
import type { Campaign } from '../../src/types'
import { ctx } from './ctx'

const url = (u: string) => urlForms(u)

describe('matchRules', () => {
  it('passes without rules or with empty lists', () => {
    expect(matchRules('url', undefined, url('https://a.test/x'))).toBeUndefined()
    expect(matchRules('url', {}, url('https://a.test/x'))).toBeUndefined()
  })
  it('matches exact paths and full URLs, ignoring the query for paths', () => {
    const rules = { include: ['/cart'] }
    expect(matchRules('url', rules, url('https://a.test/cart?x=1'))).toBeUndefined()
    expect(matchRules('url', rules, url('https://a.test/cart/2'))?.code).toBe('url-not-included')
    expect(
      matchRules('url', { include: ['https://a.test/cart'] }, url('https://a.test/cart')),
    ).toBeUndefined()
  })
  it('matches a trailing * as a prefix, and * alone as everything', () => {
    const rules = { include: ['/products/*'] }
    expect(matchRules('url', rules, url('https://a.test/products/shoe'))).toBeUndefined()
    expect(matchRules('url', rules, url('https://a.test/product'))?.code).toBe('url-not-included')
    expect(matchRules('url', { include: ['*'] }, url('https://a.test/anything'))).toBeUndefined()
  })
  it('matches re: patterns against the URL and its path', () => {
    expect(matchRules('url', { include: ['re:^/p/\\d+$'] }, url('https://a.test/p/42'))).toBeUndefined()
    expect(matchRules('url', { include: ['re:^/p/\\d+$'] }, url('https://a.test/p/x'))?.code).toBe(
      'url-not-included',
    )
    expect(
      matchRules('url', { include: ['re:utm_source=news'] }, url('https://a.test/?utm_source=news')),
    ).toBe(undefined)
  })
  it('lets exclude win over include', () => {
    const rules = { include: ['/shop/*'], exclude: ['/shop/checkout*'] }
    expect(matchRules('url', rules, url('https://a.test/shop/checkout/pay'))?.code).toBe('url-excluded')
    expect(matchRules('url', rules, url('https://a.test/shop/hat'))).toBeUndefined()
  })
  it('fails closed with bad-regex on an invalid regex, wherever it sits', () => {
    const d = matchRules('url', { include: ['/ok', 're:(unclosed'] }, url('https://a.test/ok'))
    expect(d).toEqual({ show: false, code: 'bad-regex', detail: { field: 'url', pattern: 're:(unclosed' } })
    expect(matchRules('url', { exclude: ['re:[z-a]'] }, url('https://a.test/'))?.code).toBe('bad-regex')
  })
  it('fails closed, at once, on a rule that would backtrack for seconds (issue 25, finding 3)', () => {
    // The rule that froze Chromium for 6 s on a 111-character path, given to the engine
    // without going through validateConfig (a config built in code).
    const rule = 're:^/page/[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+$'
    const t = performance.now()
    const d = matchRules('url', { include: [rule] }, url(`https://a.test/page/${'a'.repeat(105)}!`))
    expect(d).toEqual({ show: false, code: 'bad-regex', detail: { field: 'url', pattern: rule } })
    expect(performance.now() - t).toBeLessThan(100)
  })
  it('treats an empty referrer as matching nothing', () => {
    expect(matchRules('referrer', { include: ['*'] }, url(''))?.code).toBe('referrer-not-included')
    expect(matchRules('referrer', { exclude: ['*'] }, url(''))).toBeUndefined()
  })
  it('matches a referrer by host', () => {
    expect(
      matchRules('referrer', { include: ['www.google.com'] }, url('https://www.google.com/search?q=x')),
    ).toBe(undefined)
  })
})

describe('checkAudience url fields', () => {
  const campaign = (audience: Campaign['audience']) =>
    ({ id: 'c', kind: 'popup', trigger: { type: 'pageview' }, content: {}, audience }) as Campaign
  it('checks url, referrer and landing URL separately', () => {
    const c = ctx({
      url: 'https://a.test/blog/1',
      referrer: 'https://news.test/a',
      landingUrl: 'https://a.test/promo',
    })
    expect(checkAudience(campaign({ url: { include: ['/blog/*'] } }), c).show).toBe(true)
    expect(checkAudience(campaign({ referrer: { exclude: ['re:news\\.test'] } }), c).code).toBe(
      'referrer-excluded',
    )
    expect(checkAudience(campaign({ landing: { include: ['/promo'] } }), c).show).toBe(true)
    expect(checkAudience(campaign({ landing: { include: ['/other'] } }), c).code).toBe('landing-not-included')
  })
  it('reports disabled campaigns', () => {
    expect(checkAudience({ ...campaign(undefined), enabled: false }, ctx()).code).toBe('disabled')
  })
})
