import { describe, expect, it } from 'vitest'
import { deviceClass } from '../../src/sensors/deviceClass'

function fakeWindow(o: { coarse: boolean; screen: [number, number]; mobileHint?: boolean }): Window {
  return {
    navigator: o.mobileHint === undefined ? {} : { userAgentData: { mobile: o.mobileHint } },
    matchMedia: (q: string) => ({ matches: q === '(pointer: coarse)' && o.coarse }),
    screen: { width: o.screen[0], height: o.screen[1] },
  } as unknown as Window
}

describe('deviceClass', () => {
  it.each([
    ['a desktop', { coarse: false, screen: [1920, 1080] }, 'desktop'],
    ['a touch laptop (fine primary pointer)', { coarse: false, screen: [1366, 768] }, 'desktop'],
    ['a phone', { coarse: true, screen: [412, 915] }, 'mobile'],
    ['a phone in landscape', { coarse: true, screen: [915, 412] }, 'mobile'],
    ['an iPad (no UA-CH)', { coarse: true, screen: [820, 1180] }, 'tablet'],
    [
      'an Android tablet (UA-CH mobile: false)',
      { coarse: true, screen: [800, 1280], mobileHint: false },
      'tablet',
    ],
    ['a phone that says so in UA-CH', { coarse: true, screen: [700, 1500], mobileHint: true }, 'mobile'],
    ['a small desktop window', { coarse: false, screen: [1280, 800] }, 'desktop'],
  ] as const)('%s → %s', (_, o, expected) => {
    expect(deviceClass(fakeWindow({ ...o, screen: [...o.screen] }))).toBe(expected)
  })

  it('answers desktop in the test environment and without a window (SSR)', () => {
    expect(deviceClass(undefined)).toBe('desktop')
    expect(deviceClass()).toBe('desktop')
  })
})
