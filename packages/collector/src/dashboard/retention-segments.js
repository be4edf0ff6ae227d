// The retention section's segments: campaigns shown vs held out, NPS groups, email vs anonymous.
import { el } from './dom.js'
import { int, isNum, NONE, num, pct, pp } from './format.js'
import { dataTable } from './table.js'

const note = (text) => el('p', { class: 'note' }, text)

/** A difference over its 95 % interval, in one narrow cell. */
const spread = (write) => (d) =>
  el(
    'span',
    {},
    write(d?.diff),
    Array.isArray(d?.ci95)
      ? el('small', { class: 'ci' }, `${write(d.ci95[0])} to ${write(d.ci95[1])}`)
      : null,
  )

const DIFF = 'Difference (95 % CI)'
const HEAD = [
  'Campaign',
  'Shown (visitors)',
  'Held out (visitors)',
  'Repeat rate shown',
  'Repeat rate held out',
  DIFF,
  'Revenue/visitor shown',
  'Revenue/visitor held out',
  DIFF,
]

function campaignTable(all, moneyOr) {
  // Only a campaign with a hold-out has visitors to compare against.
  const campaigns = all.filter((c) => c.heldOut?.visitors > 0)
  const without = all.filter((c) => !(c.heldOut?.visitors > 0)).map((c) => c.campaign)
  const signedMoney = (v) => (isNum(v) && v > 0 ? `+${moneyOr(v)}` : moneyOr(v))
  const rows = campaigns.map((c) => [
    c.campaign,
    c.exposed.visitors,
    c.heldOut.visitors,
    c.exposed.repeatRate,
    c.heldOut.repeatRate,
    c.repeatRateDiff,
    c.exposed.revenuePerVisitor,
    c.heldOut.revenuePerVisitor,
    c.revenuePerVisitorDiff,
  ])
  // The download keeps each difference's interval ends in columns of their own, as numbers.
  const apart = (cell, i) =>
    HEAD[i] === DIFF ? [cell?.diff ?? null, cell?.ci95?.[0] ?? null, cell?.ci95?.[1] ?? null] : [cell]
  return [
    el('h4', {}, 'Do the campaigns work? Shown vs held out'),
    note(
      'Visitors who saw a campaign against those deliberately not shown it. Outcomes count from the first time each visitor qualified. If the 95 % interval includes 0, the difference may be chance.',
    ),
    without.length ? note(`No hold-out, so nothing to compare: ${without.join(', ')}.`) : null,
    dataTable({
      caption: 'Repeat purchases and revenue per visitor, shown vs held out',
      head: HEAD,
      rows,
      cells: [String, int, int, pct, pct, spread(pp), moneyOr, moneyOr, spread(signedMoney)],
      csv: {
        name: 'retention-campaigns.csv',
        head: HEAD.flatMap((h) => (h === DIFF ? ['Difference', '95 % CI from', '95 % CI to'] : [h])),
        rows: rows.map((row) => row.flatMap(apart)),
      },
    }),
  ]
}

/** The segments of `report.retention`, in the report's money. */
export function retentionSegments(segments, money) {
  const moneyOr = (v) => (isNum(v) ? money(v) : NONE)
  const group = (name, g) => [name, g.customers, g.repeatRate, g.revenuePerCustomer]
  const groupTable = (caption, csv, rows) =>
    dataTable({
      caption,
      csv,
      head: ['Group', 'Customers', 'Repeat rate', 'LTV (revenue per customer)'],
      rows,
      cells: [String, int, pct, moneyOr],
    })
  const ratio = segments.email?.ltvRatio
  return [
    ...(segments.campaigns?.some((c) => c.heldOut?.visitors > 0)
      ? campaignTable(segments.campaigns, moneyOr)
      : []),
    el('h4', {}, 'By NPS answer'),
    note('Customers grouped by their latest NPS answer: promoters 9–10, passives 7–8, detractors 0–6.'),
    groupTable(
      'Repeat rate and LTV by NPS group',
      'retention-nps.csv',
      (segments.nps ?? []).map((g) => group(g.group, g)),
    ),
    el('h4', {}, 'Known by email vs anonymous'),
    note(
      `Customers who gave an email are worth ${isNum(ratio) ? `${num(ratio, 2)} ×` : NONE} as much as anonymous ones (LTV ratio).`,
    ),
    groupTable('LTV of customers who gave an email vs anonymous customers', 'retention-email.csv', [
      group('gave an email', segments.email.withEmail),
      group('signed in, no email', segments.email.identifiedWithoutEmail),
      group('anonymous', segments.email.anonymous),
    ]),
  ]
}
