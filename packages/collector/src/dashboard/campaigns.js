// The campaigns, one table per kind, each with the outcome that kind has: a pop-up converts
// (conversion rate, lift against its hold-out), a survey is answered (response rate, its score,
// repeat purchases against its hold-out), a push prompt is subscribed to (opt-in rate).
import { el } from './dom.js'
import { difference, int, interval, isNum, NONE, num, pct, signedPct } from './format.js'
import { dataTable } from './table.js'

const rate = (part, whole) => (isNum(part) && isNum(whole) && whole > 0 ? (part / whole) * 100 : null)

/** `[column title, value of a row]` pairs, and the variant column only where a row has one. */
function columns(rows, list) {
  const variants = rows.some((r) => r.variant)
  return variants ? [list[0], ['Variant', (r) => r.variant ?? NONE], ...list.slice(1)] : list
}

function kindTable(caption, rows, list) {
  const cols = columns(rows, list)
  return dataTable({
    caption,
    head: cols.map(([title]) => title),
    rows: rows.map((r) => cols.map(([, value]) => value(r))),
  })
}

function popups(rows) {
  const caption =
    'Pop-ups: visitors shown, converted, and lift against the visitors held out; “who bought” = ordered within 5 days (attributionDays)'
  return kindTable(caption, rows, [
    ['Campaign', (r) => r.id],
    ['Shown', (r) => int(r.shown)],
    ['Dismissed', (r) => int(r.dismissed)],
    ['Converted', (r) => int(r.converted)],
    ['Conversion', (r) => pct(r.conversionRate)],
    ['95 % CI', (r) => interval(r.ci95)],
    ['Held out', (r) => int(r.heldOut)],
    ['Held out who bought', (r) => int(r.heldOutConverted)],
    ['Lift', (r) => signedPct(r.lift)],
    ['Shown who bought', (r) => int(r.purchased)],
    ['Purchase lift', (r) => signedPct(r.purchaseLift)],
  ])
}

/** Shown vs held-out repeat-purchase difference from the retention segments, when there is a hold-out. */
function repeatLift(segments, id) {
  const s = segments?.find((c) => c.campaign === id)
  if (!s?.heldOut?.visitors) return 'no hold-out'
  return difference(s.repeatRateDiff)
}

function surveys(rows, report) {
  const score = { nps: `NPS ${num(report.nps?.score)}`, csat: `${pct(report.csat?.score)} satisfied` }
  return kindTable(
    'Surveys: visitors shown, who answered, the score, and repeat purchases against a hold-out',
    rows,
    [
      ['Campaign', (r) => r.id],
      ['Survey', (r) => r.kind.toUpperCase()],
      ['Shown', (r) => int(r.shown)],
      ['Answered', (r) => int(r.answered)],
      ['Response rate', (r) => pct(rate(r.answered, r.shown))],
      ['Score (all answers of this kind)', (r) => score[r.kind] ?? 'per question: Survey flows'],
      ['Repeat purchase lift', (r) => repeatLift(report.retention?.segments?.campaigns, r.id)],
    ],
  )
}

function pushes(rows) {
  return kindTable('Push prompts: visitors shown and who subscribed', rows, [
    ['Campaign', (r) => r.id],
    ['Shown', (r) => int(r.shown)],
    ['Subscribed', (r) => int(r.subscribed)],
    ['Opt-in rate', (r) => pct(rate(r.subscribed, r.shown))],
    ['Dismissed', (r) => int(r.dismissed)],
  ])
}

export function renderCampaigns(report) {
  const rows = Array.isArray(report.campaigns) ? report.campaigns : []
  if (rows.length === 0) return [el('p', {}, 'No campaign was shown in this period.')]
  const of = (...kinds) => rows.filter((r) => kinds.includes(r.kind ?? 'popup'))
  const parts = [
    ['Pop-ups', of('popup'), popups],
    ['Surveys', of('nps', 'csat', 'survey'), (r) => surveys(r, report)],
    ['Push', of('push'), pushes],
  ]
  return parts
    .filter(([, list]) => list.length)
    .flatMap(([title, list, table]) => [el('h3', {}, title), table(list)])
}
