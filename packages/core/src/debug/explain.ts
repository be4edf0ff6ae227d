import type { Decision } from '../targeting/types'

type D = Record<string, unknown>
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v))

// Debug-only prose for every reason code the runtime and the targeting engine produce.
const PROSE: Record<string, (d: D) => string> = {
  ok: () => 'all conditions hold',
  disabled: () => 'the campaign is disabled ("enabled": false)',
  'bad-regex': (d) =>
    `the ${d.field} rule "${d.pattern}" is not a valid or not a safe regular expression, so the rule fails closed`,
  utm: (d) =>
    `UTM "${d.key}" of the landing URL is ${d.value === undefined ? 'missing' : `"${d.value}"`}, not an allowed value`,
  device: (d) => `the device is "${d.device}", not one of the audience's devices`,
  'visitor-type': (d) => `the audience is ${d.want} visitors only`,
  'visit-count': (d) => `this is visit ${d.visitCount}, outside the audience's visit range`,
  locale: (d) => `the visitor's locale "${d.locale}" is not one of the audience's locales`,
  'schedule-invalid': (d) =>
    d.timeZone
      ? `the schedule's time zone "${d.timeZone}" is unknown`
      : 'the schedule has an unreadable date',
  'schedule-not-started': (d) => `the schedule starts at ${d.start}`,
  'schedule-ended': (d) => `the schedule ended at ${d.end}`,
  'schedule-day': (d) => `today (weekday ${d.day}, 0 = Sunday) is not a scheduled day`,
  'schedule-hour': (d) => `the hour ${d.hour}:xx is outside the scheduled hours`,
  sample: (d) => `this visitor is outside the ${d.sample}% sample (stable per visitor)`,
  cart: () => 'the cart does not meet the audience cart rule (value, item count or contents)',
  'cap-session': (d) => `already shown ${d.max} time(s) this session (frequency.perSession)`,
  'cap-total': (d) => `already shown ${d.max} time(s) in total (frequency.total)`,
  'cap-dismissed': (d) => `dismissed recently; it may show again at ${d.until} (frequency.afterDismissDays)`,
  'cap-converted': (d) => `converted recently; it may show again at ${d.until} (frequency.afterConvertDays)`,
  'cap-pageviews': (d) => `shown fewer than ${d.every} page views ago (frequency.everyPageviews)`,
  'cap-days': (d) => `shown recently; it may show again at ${d.until} (frequency.everyDays)`,
  'cap-responses': (d) => `the visitor already answered it ${d.max} time(s) (frequency.maxResponses)`,
  'limit-survey-gap': (d) =>
    `another survey showed recently; no survey until ${d.until} (limits.surveyGapDays)`,
  'survey-nps': (d) =>
    `the visitor's last NPS group is ${d.last ?? 'unknown (never answered)'}, not one of ${String(d.want).replace(/,/g, ', ')} (audience.survey.nps)`,
  'survey-csat': (d) =>
    `the visitor's last CSAT score (1–5) is ${d.last ?? 'unknown (never answered)'}, not within ${d.min}–${d.max} (audience.survey.csat)`,
  'limit-session': (d) => `${d.max} widget(s) were already shown this session (limits.perSession)`,
  'limit-gap': (d) => `another widget closed recently; quiet until ${d.until} (limits.gapSeconds)`,
  'interstitial-guard': () =>
    'a mobile modal on a page reached from a search engine waits for the first tap or key press (Google intrusive-interstitial rule)',
  'on-screen': (d) => `another widget (${d.campaignId ?? 'one'}) is on screen; only one shows at a time`,
  'lower-priority': () => 'another campaign with a higher priority fired at the same moment',
  'held-out': (d) =>
    `the visitor is in the holdout group (variant ${d.variant ?? '-'}): qualified but not shown`,
  'cart-abandon-cart': (d) =>
    `the cart is empty or below the trigger's minimum (minValue ${d.minValue ?? '-'}, minItems ${d.minItems ?? '-'})`,
  'push-unavailable': () => 'the push module could not be loaded (no loadPush, or the load failed)',
  'widgets-unavailable': () => 'the widgets chunk could not be loaded (no loadWidgets, or the load failed)',
  'push-unsupported': () =>
    'this browser cannot receive web push (no service worker, PushManager or secure context)',
  'push-ios-needs-install': () => 'iOS allows web push only in a web app added to the Home Screen',
  'push-denied': () => 'notifications are blocked for this site; only the visitor can unblock them',
  'push-granted': () => 'notifications are already allowed: subscribed silently, no prompt needed',
  'push-cooldown': (d) => `the visitor said "Not now"; asking again at ${d.until}`,
}

const rule = (code: string) => {
  const m = /^(url|referrer|landing)-(excluded|not-included)$/.exec(code)
  if (!m) return
  const what = m[1] === 'url' ? 'the page URL' : m[1] === 'referrer' ? 'the referrer' : 'the landing page URL'
  return m[2] === 'excluded'
    ? `${what} matches an exclude rule (audience.${m[1]}.exclude)`
    : `${what} matches none of the include rules (audience.${m[1]}.include)`
}

/** A sentence for a targeting decision, for people reading debug output. */
export function explain(decision: Decision): string {
  const d = decision.detail ?? {}
  const prose = PROSE[decision.code]?.(d) ?? rule(decision.code)
  return prose ?? `${decision.code} ${list(Object.entries(d).map(([k, v]) => `${k}=${v}`))}`
}
