// How the dashboard writes numbers, money, dates and CSV: one module for every script, so a
// missing value reads the same everywhere and no Intl call is left unguarded. The report comes
// from events anyone can send ("currency": "€"), so formatting never throws: whatever the
// report holds is rendered.

/** What the dashboard shows for a missing or undefined figure. */
export const NONE = '—'

export const isNum = (v) => typeof v === 'number' && Number.isFinite(v)
export const num = (v, digits = 1) => (isNum(v) ? v.toFixed(digits) : NONE)
export const int = (v) => (isNum(v) ? String(Math.round(v)) : NONE)
/** A percentage 0–100 as the report gives it: `20.0 %`. */
export const pct = (v) => (isNum(v) ? `${v.toFixed(1)} %` : NONE)
/** A relative change (lift): `+60.0 %`. */
export const signedPct = (v) => (isNum(v) ? `${v > 0 ? '+' : ''}${v.toFixed(1)} %` : NONE)
/** A difference of two percentages, in percentage points: `+3.2 pp`. */
export const pp = (v) => (isNum(v) ? `${v > 0 ? '+' : ''}${v.toFixed(1)} pp` : NONE)

/** A 95 % interval `[lo, hi]` in percent: `5.7–51.0 %`. */
export const interval = (ci) =>
  Array.isArray(ci) && isNum(ci[0]) && isNum(ci[1]) ? `${ci[0].toFixed(1)}–${ci[1].toFixed(1)} %` : NONE

/** A difference `{ diff, ci95 }` and its 95 % interval, each written by `write`: `+3.2 pp (+1.0 pp to +7.4 pp)`. */
export const difference = (d, write = pp) =>
  isNum(d?.diff) && Array.isArray(d.ci95)
    ? `${write(d.diff)} (${write(d.ci95[0])} to ${write(d.ci95[1])})`
    : write(d?.diff)

/** `new Intl.X(…)`, or `undefined` where the arguments (a currency like "€") make it throw. */
function intl(make) {
  try {
    return make()
  } catch {
    return undefined
  }
}

/**
 * A money formatter for `currency`: the locale's currency format for an ISO 4217 code, else the
 * amount with whatever the report calls the currency ("12.50 US$"), else the bare amount.
 */
export function moneyFormat(currency) {
  const code = typeof currency === 'string' ? currency : ''
  const format = code && intl(() => new Intl.NumberFormat(undefined, { style: 'currency', currency: code }))
  return (v) => {
    if (!isNum(v)) return NONE
    if (format) return format.format(v)
    return code ? `${v.toFixed(2)} ${code}` : v.toFixed(2)
  }
}

const dayMonth = intl(
  () => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
)
const monthYear = intl(
  () => new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
)

/** `2026-01-05` → `5 Jan` (an axis label); the date as given if it isn't one. */
export function shortDay(iso) {
  const t = Date.parse(`${iso}T00:00:00Z`)
  return dayMonth && Number.isFinite(t) ? dayMonth.format(t) : String(iso)
}

/** `2026-03` → `Mar 2026` (an axis label); the month as given if it isn't one. */
export function shortMonth(month) {
  const t = Date.parse(`${month}-01T00:00:00Z`)
  return monthYear && Number.isFinite(t) ? monthYear.format(t) : String(month)
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP
 * "CSV injection"): text starting with `=`, `+`, `-`, `@`, tab, CR or LF, also after leading
 * spaces (" =1+43" is a formula to Excel). Numbers stay numbers; null is empty; RFC 4180 quoting.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = String(value)
  if (/^ *[=+\-@\t\r\n]/.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV of a header row and data rows, CRLF line ends. */
export function toCsv(head, rows) {
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')
}
