import { isCssColor } from './isCssColor'
import { isSafeLink } from './isSafeLink'
import { isUnsafeRegex } from './isUnsafeRegex'
import type { Format } from './schema'

/** What each format code expects, for issue messages. */
export const FORMAT_EXPECTS: Record<string, string> = {
  href: 'an http(s):, mailto:, tel: or relative link',
  url: 'an http(s): or relative URL',
  regex: 'a valid regular expression (≤ 200 characters)',
  redos:
    'a regular expression the browser can match in linear time: no backreferences, lookarounds or repeated groups, choices told apart by their first character, no two repetitions that can read the same characters (README, URL rules)',
  tz: 'an IANA time zone',
  date: 'an ISO 8601 date-time',
  color: 'a CSS colour: #rgb, #rrggbb (with or without alpha), rgb()/hsl() with numbers, or a colour name',
}

/** The issue code when `s` breaks format `f`, else undefined. */
export const formatIssue = (f: Format, s: string): string | undefined => {
  if (f === 'href' || f === 'url') return isSafeLink(s, f === 'url' ? /^https?$/i : undefined) ? undefined : f
  if (f === 'color') return isCssColor(s) ? undefined : f
  if (f === 'date') return /^\d{4}-\d\d-\d\d/.test(s) && !Number.isNaN(Date.parse(s)) ? undefined : f
  try {
    if (f === 'tz') Intl.DateTimeFormat('en', { timeZone: s })
    else if (s.startsWith('re:')) {
      // Rules are compiled as `new RegExp(source)` without flags by the targeting engine.
      const src = s.slice(3)
      if (src.length > 200 || !RegExp(src)) return 'regex'
      if (isUnsafeRegex(src)) return 'redos'
    }
    return undefined
  } catch {
    return f === 'tz' ? f : 'regex'
  }
}
