import { afterEach, describe, expect, it, vi } from 'vitest'
import { reportIssues } from '../../src/config/reportIssues'
import { validateConfig } from '../../src/config/validateConfig'
import { corpus } from './corpus'

const issue = { path: 'campaigns[0].trigger.seconds', code: 'required', message: 'expected a number' }
const HINT = 'add ?linger_debug=1 to the URL for details'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

/** The console warnings `reportIssues` prints for `input` run through the validator. */
function warningsFor(input: unknown, debug = false): string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const { config, issues } = validateConfig(input)
  reportIssues(issues, { input, config, debug })
  const lines = warn.mock.calls.map((c) => String(c[0]))
  warn.mockRestore()
  return lines
}

describe('reportIssues', () => {
  it('prints path and message in development, and hands each issue to onIssue', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: unknown[] = []
    reportIssues([issue], { onIssue: (i) => seen.push(i) })
    expect(warn.mock.calls[0]![0]).toMatch(/^linger: campaigns\[0\]\.trigger\.seconds: expected a number /)
    expect(seen).toEqual([issue])
  })

  it('prints only path and code in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    reportIssues([issue])
    expect(warn.mock.calls[0]![0]).toMatch(/^linger: campaigns\[0\]\.trigger\.seconds required /)
  })

  it('debug mode prints the prose even in production builds: it is where a person reads the details', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    reportIssues([issue], { debug: true })
    expect(warn).toHaveBeenCalledWith('linger: campaigns[0].trigger.seconds: expected a number')
  })

  it('one warning per broken campaign: names it, says it is skipped and how to see the rest', () => {
    const bad = { id: 'spring-sale', kind: 'popup', trigger: { type: 'nope' }, content: { title: 5 } }
    const ok = { id: 'ok', kind: 'nps', trigger: { type: 'time', seconds: 5 }, question: 'Q?' }
    const input = { version: 1, site: 's', campaigns: [ok, bad] }
    const lines = warningsFor(input)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^linger: campaigns\[1\]\.\S+: /)
    expect(lines[0]).toContain('campaign "spring-sale" skipped, 1 more problem(s)')
    expect(lines[0]).toContain(HINT)
    // Debug mode (the page opened with ?linger_debug=1) prints every problem on its own line.
    expect(warningsFor(input, true)).toHaveLength(2)
  })

  it('a campaign without a usable id is named by its index; an unusable config says nothing runs', () => {
    expect(warningsFor({ version: 1, site: 's', campaigns: [{ kind: 'popup' }] })[0]).toContain(
      'campaign #0 skipped',
    )
    const [line] = warningsFor({ version: 2, site: 's', campaigns: [] })
    expect(line).toMatch(/^linger: version: .*\(no campaign runs; add \?linger_debug=1/)
  })

  it('the hostile config corpus: a warning naming each entry’s path and the debug hint, one per broken part', () => {
    const missed: string[] = []
    for (const entry of corpus) {
      const lines = warningsFor(entry.input)
      const named = lines.find((l) => l.startsWith(`linger: ${entry.path}:`))
      if (!named?.includes(HINT)) missed.push(`${entry.name}: ${JSON.stringify(lines)}`)
      if (entry.effect === 'campaign' && !named?.includes(' skipped'))
        missed.push(`${entry.name}: not "skipped"`)
      const { issues } = validateConfig(entry.input)
      const parts = new Set(issues.map((i) => i.path.match(/^campaigns\[\d+\]|^[^.[]*/)![0]))
      if (lines.length !== parts.size)
        missed.push(`${entry.name}: ${lines.length} lines for ${parts.size} parts`)
    }
    expect(missed).toEqual([])
  })
})
