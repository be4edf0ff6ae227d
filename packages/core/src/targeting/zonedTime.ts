const formats = new Map<string, Intl.DateTimeFormat>()
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/**
 * Weekday (0 = Sunday) and fractional hour of an instant in an IANA time zone (DST included,
 * via Intl). Throws RangeError for an unknown zone.
 */
export function zonedTime(at: number, timeZone?: string): { day: number; hour: number } {
  const key = timeZone ?? ''
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
    formats.set(key, f)
  }
  const parts: Record<string, string> = {}
  for (const p of f.formatToParts(at)) parts[p.type] = p.value
  return { day: DAYS.indexOf(parts.weekday!), hour: (Number(parts.hour) % 24) + Number(parts.minute) / 60 }
}
