import { describe, expect, it } from 'vitest'
import { checkSchedule } from '../../src/targeting/checkSchedule'
import { zonedTime } from '../../src/targeting/zonedTime'

const at = (iso: string) => Date.parse(iso)

describe('zonedTime', () => {
  it('gives weekday and hour in the zone, where the weekday can differ from UTC', () => {
    // Monday 12:00 UTC is already Tuesday 02:00 on Kiritimati (UTC+14)…
    expect(zonedTime(at('2026-03-02T12:00:00Z'), 'UTC')).toEqual({ day: 1, hour: 12 })
    expect(zonedTime(at('2026-03-02T12:00:00Z'), 'Pacific/Kiritimati')).toEqual({ day: 2, hour: 2 })
    // …and Monday 05:30 UTC is still Sunday 19:30 in Honolulu (UTC-10).
    expect(zonedTime(at('2026-03-02T05:30:00Z'), 'Pacific/Honolulu')).toEqual({ day: 0, hour: 19.5 })
  })
  it('follows daylight saving time', () => {
    // New York moves to EDT on 2026-03-08: the same UTC time is 08:30 before, 09:30 after.
    expect(zonedTime(at('2026-03-07T13:30:00Z'), 'America/New_York').hour).toBe(8.5)
    expect(zonedTime(at('2026-03-09T13:30:00Z'), 'America/New_York').hour).toBe(9.5)
  })
  it('shows midnight as hour 0', () => {
    expect(zonedTime(at('2026-03-02T00:00:00Z'), 'UTC').hour).toBe(0)
  })
})

describe('checkSchedule', () => {
  it('passes without a schedule', () => {
    expect(checkSchedule(undefined, 0)).toBeUndefined()
  })
  it('starts at start (inclusive) and ends at end (exclusive)', () => {
    const s = { start: '2026-03-01T00:00:00Z', end: '2026-03-08T00:00:00Z' }
    expect(checkSchedule(s, at('2026-02-28T23:59:59Z'))).toEqual({
      show: false,
      code: 'schedule-not-started',
      detail: { start: s.start },
    })
    expect(checkSchedule(s, at('2026-03-01T00:00:00Z'))).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-07T23:59:59Z'))).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-08T00:00:00Z'))?.code).toBe('schedule-ended')
  })
  it('checks weekdays in the schedule zone, not UTC', () => {
    const s = { days: [2], timeZone: 'Pacific/Kiritimati' } // Tuesdays on Kiritimati
    expect(checkSchedule(s, at('2026-03-02T12:00:00Z'))).toBeUndefined()
    expect(checkSchedule({ days: [2], timeZone: 'UTC' }, at('2026-03-02T12:00:00Z'))?.code).toBe(
      'schedule-day',
    )
  })
  it('uses the visitor zone when the schedule names none', () => {
    const s = { days: [0] }
    expect(checkSchedule(s, at('2026-03-02T05:30:00Z'), 'Pacific/Honolulu')).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-02T05:30:00Z'), 'UTC')?.code).toBe('schedule-day')
  })
  it('checks an hour window across a DST change', () => {
    const s = { hours: [9, 17] as [number, number], timeZone: 'America/New_York' }
    expect(checkSchedule(s, at('2026-03-07T13:30:00Z'))).toEqual({
      show: false,
      code: 'schedule-hour',
      detail: { hour: 8 },
    })
    expect(checkSchedule(s, at('2026-03-09T13:30:00Z'))).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-09T21:00:00Z'))?.code).toBe('schedule-hour') // 17:00 EDT: end is exclusive
  })
  it('wraps an hour window over midnight', () => {
    const s = { hours: [22, 6] as [number, number], timeZone: 'UTC' }
    expect(checkSchedule(s, at('2026-03-02T23:00:00Z'))).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-02T05:59:00Z'))).toBeUndefined()
    expect(checkSchedule(s, at('2026-03-02T06:00:00Z'))?.code).toBe('schedule-hour')
  })
  it('fails closed on an unknown zone or an unreadable date', () => {
    expect(checkSchedule({ days: [1], timeZone: 'Mars/Olympus' }, 0)?.code).toBe('schedule-invalid')
    expect(checkSchedule({ start: 'soon' }, 0)?.code).toBe('schedule-invalid')
  })
})
