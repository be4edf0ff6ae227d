import { afterEach, describe, expect, it, vi } from 'vitest'
import { reportIssues } from '../../src/campaigns/reportIssues'

const issue = { path: 'campaigns[0].trigger.seconds', code: 'required', message: 'expected a number' }

afterEach(() => vi.unstubAllEnvs())

describe('reportIssues', () => {
  it('prints path and message in development, and hands each issue to onIssue', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: unknown[] = []
    reportIssues([issue], (i) => seen.push(i))
    expect(warn).toHaveBeenCalledWith('linger: campaigns[0].trigger.seconds: expected a number')
    expect(seen).toEqual([issue])
  })
  it('prints only path and code in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    reportIssues([issue])
    expect(warn).toHaveBeenCalledWith('linger: campaigns[0].trigger.seconds required')
  })
})
