import { describe, expect, it } from 'vitest'
import { interstitialGuard } from '../../src/targeting/interstitialGuard'
import type { Campaign } from '../../src/types'
import { ctx } from './ctx'

const modal = { id: 'm', kind: 'popup', trigger: { type: 'pageview' }, content: {} } as Campaign
const fromSearch = ctx({
  device: 'mobile',
  url: 'https://shop.test/p/1',
  landingUrl: 'https://shop.test/p/1',
  referrer: 'https://www.google.com/',
})

describe('interstitialGuard', () => {
  it('holds an automatic modal on a mobile search landing until the visitor interacts', () => {
    expect(interstitialGuard(modal, fromSearch, false)?.code).toBe('interstitial-guard')
    expect(
      interstitialGuard(modal, { ...fromSearch, referrer: 'https://duckduckgo.com/?q=x' }, false)?.code,
    ).toBe('interstitial-guard')
    expect(interstitialGuard(modal, fromSearch, true)).toBeUndefined()
  })
  it('lets through desktops, other layouts, other kinds, later pages and other referrers', () => {
    expect(interstitialGuard(modal, { ...fromSearch, device: 'desktop' }, false)).toBeUndefined()
    expect(interstitialGuard({ ...modal, layout: 'sheet' } as Campaign, fromSearch, false)).toBeUndefined()
    expect(interstitialGuard({ ...modal, kind: 'nps', question: 'q' } as Campaign, fromSearch, false)).toBe(
      undefined,
    )
    expect(interstitialGuard(modal, { ...fromSearch, url: 'https://shop.test/p/2' }, false)).toBeUndefined()
    expect(interstitialGuard(modal, { ...fromSearch, referrer: 'https://news.test/' }, false)).toBeUndefined()
    expect(interstitialGuard(modal, { ...fromSearch, referrer: '' }, false)).toBeUndefined()
    expect(interstitialGuard(modal, { ...fromSearch, referrer: 'https://google.evil.test/' }, false)).toBe(
      undefined,
    )
  })
  it('covers tablets too', () => {
    expect(interstitialGuard(modal, { ...fromSearch, device: 'tablet' }, false)?.code).toBe(
      'interstitial-guard',
    )
  })
})
