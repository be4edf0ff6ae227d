import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config'

// Messages are generated from each node's constraints; these pin the wording people read
// in the CLI and the playground.
const messageAt = (campaign: Record<string, unknown>, path: string) => {
  const input = { version: 1, site: 's', campaigns: [{ id: 'c', kind: 'nps', question: 'Q', ...campaign }] }
  return validateConfig(input).issues.find((i) => i.path === `campaigns[0]${path}`)?.message
}
const pageview = { trigger: { type: 'pageview' } }

describe('issue messages', () => {
  it.each([
    [{ trigger: { type: 'pageviews', count: 0 } }, '.trigger.count', 'expected an integer ≥ 1, got 0'],
    [
      { trigger: { type: 'scroll', percent: 101 } },
      '.trigger.percent',
      'expected a number ≥ 0 and ≤ 100, got 101',
    ],
    [
      { trigger: { type: 'hover' } },
      '.trigger.type',
      expect.stringMatching(/^expected one of "exit-intent", .*"manual", got "hover"$/),
    ],
    [
      { trigger: {} },
      '.trigger.type',
      expect.stringMatching(/^expected one of "exit-intent", .*, got nothing$/),
    ],
    [
      { ...pageview, variants: [{ id: 'a', weight: 0 }] },
      '.variants[0].weight',
      'expected a number > 0, got 0',
    ],
    [{ ...pageview, enabled: 'no' }, '.enabled', 'expected true or false, got "no"'],
    [{ ...pageview, question: null }, '.question', 'expected a string or an object, got null'],
    [{ ...pageview, question: [] }, '.question', 'expected a string or an object, got an array'],
    [{ ...pageview, id: 'a b' }, '.id', 'expected a string matching /^[\\w-]+$/, got "a b"'],
    [
      { ...pageview, thanks: 'x'.repeat(2001) },
      '.thanks',
      'expected a string of at most 2000 characters, got 2001',
    ],
    [
      { ...pageview, audience: { device: [], locale: new Array(101).fill('de') } },
      '.audience.locale',
      'expected an array of at most 100 items, got 101',
    ],
    [
      { ...pageview, audience: { schedule: { timeZone: 'Mars/Base' } } },
      '.audience.schedule.timeZone',
      'expected an IANA time zone, got "Mars/Base"',
    ],
    [
      { ...pageview, thanks: { en: 'a', EN: 'b' } },
      '.thanks.EN',
      'expected a key matching /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, got "EN"',
    ],
    [
      { ...pageview, extra: 1 },
      '.extra',
      expect.stringMatching(/^expected one of kind, id, trigger, .*, got "extra"$/),
    ],
    [
      { ...pageview, prototype: {} },
      '.prototype',
      'expected a key other than __proto__, constructor, prototype, got "prototype"',
    ],
  ])('%j at %s', (campaign, path, message) => {
    expect(messageAt(campaign, path)).toEqual(message)
  })
})
