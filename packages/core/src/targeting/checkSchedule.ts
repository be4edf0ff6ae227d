import type { Audience } from '../types'
import { no } from './decision'
import type { Check } from './types'
import { zonedTime } from './zonedTime'

/**
 * Start/end instants, then weekdays and an hour window `[from, to)` in the schedule's time zone
 * (default the visitor's). A window with from > to wraps midnight. Bad dates or zones fail closed.
 */
export function checkSchedule(s: Audience['schedule'], now: number, visitorZone?: string): Check {
  if (!s) return
  const start = s.start ? Date.parse(s.start) : -Infinity
  const end = s.end ? Date.parse(s.end) : Infinity
  if (Number.isNaN(start) || Number.isNaN(end)) return no('schedule-invalid')
  if (now < start) return no('schedule-not-started', { start: s.start })
  if (now >= end) return no('schedule-ended', { end: s.end })
  if (!s.days && !s.hours) return
  let t: { day: number; hour: number }
  try {
    t = zonedTime(now, s.timeZone ?? visitorZone)
  } catch {
    return no('schedule-invalid', { timeZone: s.timeZone })
  }
  if (s.days && !s.days.includes(t.day)) return no('schedule-day', { day: t.day })
  if (s.hours) {
    // Always two numbers once validated; the defaults only satisfy the type.
    const [from = 0, to = 24] = s.hours
    const inside = from <= to ? t.hour >= from && t.hour < to : t.hour >= from || t.hour < to
    if (!inside) return no('schedule-hour', { hour: Math.floor(t.hour) })
  }
}
