import type { TargetContext } from '../../src/targeting/types'

/** A desktop visitor on the home page, overridable per test. */
export function ctx(over: Partial<TargetContext> = {}): TargetContext {
  return {
    url: 'https://shop.test/',
    referrer: '',
    landingUrl: 'https://shop.test/',
    utm: {},
    device: 'desktop',
    visitor: { isNew: true, visitCount: 1 },
    locale: 'en-US',
    now: Date.parse('2026-03-02T12:00:00Z'),
    timeZone: 'UTC',
    visitorId: 'v-1',
    ...over,
  }
}
