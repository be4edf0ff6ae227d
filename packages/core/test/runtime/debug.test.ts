import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { explain } from '../../src/debug/explain'
import { logDecision } from '../../src/debug/logDecision'
import type { Campaign } from '../../src/types'

const src = join(__dirname, '../../src')
/** Every reason code the production code can produce, read from its `no('…')` calls. */
function codesInSource(): string[] {
  const codes = new Set<string>()
  for (const dir of ['targeting', 'runtime', 'push'])
    for (const f of readdirSync(join(src, dir))) {
      const text = readFileSync(join(src, dir, f), 'utf8')
      for (const m of text.matchAll(/no\(\s*'([a-z-]+)'/g)) codes.add(m[1]!)
      for (const m of text.matchAll(/no\(i \? '([a-z-]+)' : '([a-z-]+)'\)/g)) codes.add(m[1]!).add(m[2]!)
    }
  for (const field of ['url', 'referrer', 'landing'])
    codes.add(`${field}-excluded`).add(`${field}-not-included`)
  for (const s of ['unsupported', 'ios-needs-install']) codes.add(`push-${s}`)
  return [...codes]
}

afterEach(() => vi.restoreAllMocks())

describe('explain', () => {
  it('has prose for every reason code in the source', () => {
    const codes = codesInSource()
    expect(codes.length).toBeGreaterThan(30)
    for (const code of codes) {
      const text = explain({ show: false, code, detail: { until: '2026-01-01T00:00:00.000Z' } })
      expect(text, code).not.toMatch(new RegExp(`^${code}`))
      expect(text.length, code).toBeGreaterThan(15)
    }
  })
  it('names the cap and when it ends', () => {
    expect(
      explain({ show: false, code: 'cap-dismissed', detail: { until: '2026-03-09T12:00:00.000Z' } }),
    ).toBe('dismissed recently; it may show again at 2026-03-09T12:00:00.000Z (frequency.afterDismissDays)')
    expect(explain({ show: false, code: 'url-excluded' })).toContain('audience.url.exclude')
  })
  it('falls back to the code and details for unknown codes', () => {
    expect(explain({ show: false, code: 'new-code', detail: { a: 1 } })).toBe('new-code a=1')
  })
})

describe('logDecision', () => {
  const c = { id: 'exit', kind: 'popup', trigger: { type: 'exit-intent' }, content: {} } as Campaign
  it('logs with console.info inside a group per campaign', () => {
    const group = vi.spyOn(console, 'group').mockImplementation(() => {})
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    vi.spyOn(console, 'groupEnd').mockImplementation(() => {})
    logDecision(c, { show: true, code: 'ok' }, 'init')
    logDecision(c, { show: false, code: 'device', detail: { device: 'mobile' } }, 'exit-intent')
    logDecision(c, { show: true, code: 'ok' }, 'exit-intent')
    expect(group).toHaveBeenCalledWith('linger: campaign exit')
    expect(info.mock.calls.map(([m]) => m)).toEqual([
      'linger [exit] eligible; waiting for its trigger (exit-intent)',
      `linger [exit] not shown (exit-intent): the device is "mobile", not one of the audience's devices`,
      'linger [exit] shown (exit-intent)',
    ])
  })
})
