// The retention section: KPIs with a plain-language note each, CRR and churn by month, the
// cohort triangle as a heat map, and the segments; every table downloads as CSV.
import { lineChart } from './charts.js'
import { el } from './dom.js'
import { int, isNum, moneyFormat, NONE, num, pct, shortMonth } from './format.js'
import { retentionSegments } from './retention-segments.js'
import { dataTable } from './table.js'

const note = (text) => el('p', { class: 'note' }, text)

function kpis(r, money) {
  const moneyOr = (v) => (isNum(v) ? money(v) : NONE)
  const items = [
    [
      'Customer retention rate (CRR)',
      pct(r.crr),
      'Of the customers active when the period began, the share still active at its end, not counting new customers: (E − N) / S. Higher is better.',
    ],
    [
      'Churn',
      pct(r.churn),
      `Share of customers active at the start who had not ordered in the last ${r.activeDays} days by the end.`,
    ],
    [
      'Repeat purchase rate',
      pct(r.repeatPurchaseRate),
      'Share of all customers so far who ordered at least twice.',
    ],
    [
      'Customers',
      `${int(r.customersStart)} → ${int(r.customersEnd)}`,
      `Active at the start (S) → at the end (E); ${int(r.customersNew)} new (N), ${int(r.lost)} lost. Active = ordered in the last ${r.activeDays} days.`,
    ],
    ['Orders', int(r.orders), `From ${int(r.customers)} customers so far; each order counted once.`],
    ['Revenue', moneyOr(r.revenue), `All orders so far in ${r.currency ?? 'the main currency'}.`],
    ['Average order value (AOV)', moneyOr(r.aov), 'Revenue divided by orders.'],
    [
      'Customer lifetime value (LTV)',
      moneyOr(r.ltv),
      'Revenue so far per customer (after acquisition cost, when given).',
    ],
    [
      'Projected LTV (estimate)',
      moneyOr(r.projectedLtv),
      `A forecast, not a measurement: AOV × ${num(r.projection?.ordersPerCustomerPerMonth, 2)} orders per customer a month × ${num(r.projection?.expectedLifetimeMonths)} months expected lifetime (1 / monthly churn).`,
    ],
    [
      'Days between purchases',
      num(r.avgDaysBetweenPurchases),
      'Average gap between one order and the same customer’s next.',
    ],
  ]
  return el(
    'dl',
    { class: 'kpis' },
    ...items.map(([name, value, text]) =>
      el('div', {}, el('dt', {}, name), el('dd', {}, el('strong', {}, value), el('small', {}, text))),
    ),
  )
}

/** CRR and churn per month on a 0–100 % axis (higher when CRR exceeds 100), with a legend. */
function trendChart(trend, width) {
  const top = Math.max(100, ...trend.flatMap((t) => [t.crr, t.churn]).filter(isNum))
  const ticks = [0, 25, 50, 75, 100].filter((t) => t <= top)
  const legend = el(
    'p',
    { class: 'legend' },
    el('span', { class: 'swatch crr', 'aria-hidden': 'true' }),
    'CRR ',
    el('span', { class: 'swatch churn', 'aria-hidden': 'true' }),
    'Churn',
  )
  const chart = lineChart({
    labels: trend.map((t) => shortMonth(t.month)),
    series: [
      { name: 'CRR', values: trend.map((t) => t.crr), className: 'crr' },
      { name: 'Churn', values: trend.map((t) => t.churn), className: 'churn' },
    ],
    ...{ min: 0, max: top, ticks, format: (v) => `${v} %`, value: pct, width },
    describe: `By month — ${trend.map((t) => `${t.month}: CRR ${pct(t.crr)}, churn ${pct(t.churn)}`).join('; ')}`,
  })
  return [chart, legend]
}

/** Heat-map colour for a retention %: light (few) to the accent (all); text flips for contrast. */
function heat(cell, value, _row, c) {
  if (c < 2 || !isNum(value)) return
  const share = Math.min(1, value / 100)
  cell.style.backgroundColor = `hsl(243 75% ${Math.round(96 - share * 50)}%)`
  cell.style.color = share > 0.55 ? '#fff' : '#111'
}

function cohortTable(cohorts) {
  const width = Math.max(0, ...cohorts.map((c) => c.retained.length))
  const months = Array.from({ length: width }, (_, k) => k)
  return dataTable({
    caption: 'Share of each cohort who ordered again k months after their first order',
    csv: 'retention-cohorts.csv',
    head: ['Cohort (first order)', 'Customers', ...months.map((k) => `Month ${k}`)],
    rows: cohorts.map((c) => [c.cohort, c.customers, ...months.map((k) => c.retained[k] ?? null)]),
    cells: [String, int, ...months.map(() => pct)],
    decorate: heat,
  })
}

/** The retention section's content for `report.retention`, drawn `width` px wide. */
export function renderRetention(report, width) {
  const r = report?.retention
  if (!r) return [el('p', {}, 'No retention data.')]
  const money = moneyFormat(r.currency)
  const nodes = [
    note(
      `${String(r.from).slice(0, 10)} to ${String(r.to).slice(0, 10)} (end exclusive), months in ${r.timeZone}, money in ${r.currency ?? NONE}. A customer is active while their last order is under ${r.activeDays} days old.`,
    ),
    kpis(r, money),
  ]
  // Orders in other currencies, and in strings that are no currency code ("€"): apart, never added.
  for (const [list, caption, csv] of [
    [r.otherCurrencies, 'Orders in other currencies (not included above)', 'retention-other-currencies.csv'],
    [
      r.unknownCurrencies,
      'Orders in currencies that are no ISO 4217 code (not included above)',
      'retention-unknown-currencies.csv',
    ],
  ]) {
    if (!list?.length) continue
    nodes.push(
      dataTable({
        caption,
        csv,
        head: ['Currency', 'Orders', 'Revenue', 'Customers'],
        rows: list.map((c) => [c.currency ?? NONE, c.orders, c.revenue, c.customers]),
        cells: [String, int, (v) => num(v, 2), int],
      }),
    )
  }
  nodes.push(
    el('h3', {}, 'CRR and churn by month'),
    note(
      'Each month on its own: who stayed (CRR) and who lapsed (churn) among the customers active when that month began.',
    ),
    ...(r.trend.length ? trendChart(r.trend, width) : []),
    dataTable({
      caption: 'CRR and churn by month',
      csv: 'retention-trend.csv',
      head: ['Month', 'Active at start', 'New', 'Active at end', 'Lost', 'CRR', 'Churn'],
      rows: r.trend.map((t) => [
        t.month,
        t.customersStart,
        t.customersNew,
        t.customersEnd,
        t.lost,
        t.crr,
        t.churn,
      ]),
      cells: [String, int, int, int, int, pct, pct],
    }),
    el('h3', {}, 'Cohorts'),
    note(
      'Customers grouped by the month of their first order; each cell is the share of them who ordered again that many months later. Darker is better.',
    ),
    cohortTable(r.cohorts),
    el('h3', {}, 'Segments'),
    ...retentionSegments(r.segments, money),
  )
  return nodes
}
