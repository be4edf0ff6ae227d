// The dashboard's retention section: KPIs with a plain-language note each, CRR and churn by
// month (SVG lines), the cohort triangle as a heat map, the segments, and a CSV download under
// every table. Plain DOM only (createElement/textContent, SVG via createElementNS, colours via
// CSSOM style properties), so it runs under the dashboard's strict CSP.
import { el, svg } from './dom.js'

const NONE = '—'
let objectUrls = []

const isNum = (v) => typeof v === 'number' && Number.isFinite(v)
const pct = (v) => (isNum(v) ? `${v.toFixed(1)} %` : NONE)
const pp = (v) => (isNum(v) ? `${v > 0 ? '+' : ''}${v.toFixed(1)} pp` : NONE)
const num = (v, digits = 1) => (isNum(v) ? v.toFixed(digits) : NONE)
const int = (v) => (isNum(v) ? String(Math.round(v)) : NONE)

function moneyFormat(currency) {
  try {
    if (currency) return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format
  } catch {
    // Not an ISO 4217 code: plain number and the code.
  }
  return (v) => `${v.toFixed(2)}${currency ? ` ${currency}` : ''}`
}

/**
 * One CSV cell: text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading
 * apostrophe (OWASP "CSV injection"); numbers stay numbers; null is empty.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV of a header row and data rows, CRLF line ends. */
export function toCsv(head, rows) {
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')
}

function downloadLink(name, head, rows) {
  const blob = new Blob([`\ufeff${toCsv(head, rows)}`], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  objectUrls.push(url)
  return el('a', { class: 'csv', href: url, download: name }, `Download CSV (${name})`)
}

/**
 * A table from raw rows (`cells[i]` formats column i for display; the CSV gets the raw value)
 * and its download link. `decorate(td, value, rowIndex, colIndex)` may style a cell.
 */
function table(caption, name, head, rows, cells, decorate) {
  const body = rows.map((row, r) =>
    el(
      'tr',
      {},
      ...row.map((v, c) => {
        const cell = el(c === 0 ? 'th' : 'td', c === 0 ? { scope: 'row' } : {}, (cells[c] ?? String)(v))
        decorate?.(cell, v, r, c)
        return cell
      }),
    ),
  )
  return el(
    'div',
    { class: 'retention-table' },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...body),
    ),
    downloadLink(name, head, rows),
  )
}

function kpis(r, money) {
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
    ['Revenue', money(r.revenue), `All orders so far in ${r.currency ?? 'the main currency'}.`],
    ['Average order value (AOV)', isNum(r.aov) ? money(r.aov) : NONE, 'Revenue divided by orders.'],
    [
      'Customer lifetime value (LTV)',
      isNum(r.ltv) ? money(r.ltv) : NONE,
      'Revenue so far per customer (after acquisition cost, when given).',
    ],
    [
      'Projected LTV (estimate)',
      isNum(r.projectedLtv) ? money(r.projectedLtv) : NONE,
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
    { class: 'retention-kpis' },
    ...items.map(([name, value, note]) =>
      el('div', {}, el('dt', {}, name), el('dd', {}, el('strong', {}, value), el('small', {}, note))),
    ),
  )
}

/** CRR and churn per month, one line each, on a 0–100 % axis (wider when CRR exceeds 100). */
function trendChart(trend) {
  const w = 560
  const h = 180
  const pad = { l: 36, r: 12, t: 10, b: 24 }
  const values = trend.flatMap((t) => [t.crr, t.churn]).filter(isNum)
  const top = Math.max(100, ...values)
  const x = (i) =>
    pad.l + (trend.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (trend.length - 1))
  const y = (v) => pad.t + (1 - v / top) * (h - pad.t - pad.b)
  const described = trend.map((t) => `${t.month}: CRR ${pct(t.crr)}, churn ${pct(t.churn)}`).join('; ')
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${h}`,
    width: w,
    height: h,
    role: 'img',
    'aria-label': `By month — ${described}`,
  })
  for (const v of [0, 50, 100]) {
    chart.append(svg('line', { class: 'axis', x1: pad.l, x2: w - pad.r, y1: y(v), y2: y(v) }))
    chart.append(svg('text', { x: 2, y: y(v) + 3 }, `${v} %`))
  }
  trend.forEach((t, i) => {
    chart.append(svg('text', { x: x(i), y: h - 6, 'text-anchor': 'middle' }, t.month.slice(2)))
  })
  for (const [key, colour] of [
    ['crr', '#15803d'],
    ['churn', '#b91c1c'],
  ]) {
    const points = trend.map((t, i) => [t[key], i]).filter(([v]) => isNum(v))
    const line = svg('polyline', {
      fill: 'none',
      stroke: colour,
      'stroke-width': 2,
      points: points.map(([v, i]) => `${x(i)},${y(v)}`).join(' '),
    })
    chart.append(line)
    for (const [v, i] of points) {
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 3, fill: colour })
      dot.append(svg('title', {}, `${trend[i].month} ${key === 'crr' ? 'CRR' : 'churn'}: ${pct(v)}`))
      chart.append(dot)
    }
  }
  const legend = el('p', { class: 'retention-legend' })
  for (const [label, colour] of [
    ['CRR', '#15803d'],
    ['Churn', '#b91c1c'],
  ]) {
    const swatch = el('span', { 'aria-hidden': 'true' }, '■ ')
    swatch.style.color = colour
    legend.append(swatch, `${label}  `)
  }
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
  const head = ['Cohort (first order)', 'Customers', ...Array.from({ length: width }, (_, k) => `Month ${k}`)]
  const rows = cohorts.map((c) => [
    c.cohort,
    c.customers,
    ...Array.from({ length: width }, (_, k) => c.retained[k] ?? null),
  ])
  const cells = [String, int, ...Array.from({ length: width }, () => pct)]
  return table(
    'Share of each cohort who ordered again k months after their first order',
    'retention-cohorts.csv',
    head,
    rows,
    cells,
    heat,
  )
}

function segmentTables(segments, money) {
  const out = []
  const moneyOr = (v) => (isNum(v) ? money(v) : NONE)
  const diff = (d) => [d.diff, d.ci95?.[0] ?? null, d.ci95?.[1] ?? null]
  if (segments.campaigns.length) {
    out.push(
      el('h4', {}, 'Do the campaigns work? Shown vs held out'),
      el(
        'p',
        { class: 'retention-note' },
        'Visitors who saw a campaign against those deliberately not shown it. Outcomes count from the first time each visitor qualified. If the 95 % interval includes 0, the difference may be chance.',
      ),
      table(
        'Repeat purchases and revenue per visitor, shown vs held out',
        'retention-campaigns.csv',
        [
          'Campaign',
          'Shown (visitors)',
          'Held out (visitors)',
          'Repeat rate shown',
          'Repeat rate held out',
          'Difference',
          '95 % CI from',
          '95 % CI to',
          'Revenue/visitor shown',
          'Revenue/visitor held out',
          'Difference',
          '95 % CI from',
          '95 % CI to',
        ],
        segments.campaigns.map((c) => [
          c.campaign,
          c.exposed.visitors,
          c.heldOut.visitors,
          c.exposed.repeatRate,
          c.heldOut.repeatRate,
          ...diff(c.repeatRateDiff),
          c.exposed.revenuePerVisitor,
          c.heldOut.revenuePerVisitor,
          ...diff(c.revenuePerVisitorDiff),
        ]),
        [String, int, int, pct, pct, pp, pp, pp, moneyOr, moneyOr, moneyOr, moneyOr, moneyOr],
      ),
    )
  }
  const group = (name, g) => [name, g.customers, g.repeatRate, g.revenuePerCustomer]
  const groupCells = [String, int, pct, moneyOr]
  const groupHead = ['Group', 'Customers', 'Repeat rate', 'LTV (revenue per customer)']
  out.push(
    el('h4', {}, 'By NPS answer'),
    el(
      'p',
      { class: 'retention-note' },
      'Customers grouped by their latest NPS answer: promoters 9–10, passives 7–8, detractors 0–6.',
    ),
    table(
      'Repeat rate and LTV by NPS group',
      'retention-nps.csv',
      groupHead,
      segments.nps.map((g) => group(g.group, g)),
      groupCells,
    ),
    el('h4', {}, 'Known by email vs anonymous'),
    el(
      'p',
      { class: 'retention-note' },
      `Customers who gave an email are worth ${isNum(segments.email.ltvRatio) ? `${num(segments.email.ltvRatio, 2)} ×` : NONE} as much as anonymous ones (LTV ratio).`,
    ),
    table(
      'LTV of customers who gave an email vs anonymous customers',
      'retention-email.csv',
      groupHead,
      [
        group('gave an email', segments.email.withEmail),
        group('signed in, no email', segments.email.identifiedWithoutEmail),
        group('anonymous', segments.email.anonymous),
      ],
      groupCells,
    ),
  )
  return out
}

/** Fills `section` with the retention view of `report.retention`; safe to call again. */
export function renderRetention(section, report) {
  for (const url of objectUrls) URL.revokeObjectURL(url)
  objectUrls = []
  if (!document.querySelector('link[data-retention]')) {
    document.head.append(
      el('link', {
        rel: 'stylesheet',
        href: new URL('./retention.css', import.meta.url).href,
        'data-retention': '',
      }),
    )
  }
  const r = report?.retention
  section.setAttribute('aria-labelledby', 'retention-title')
  if (!r) {
    section.replaceChildren(
      el('h2', { id: 'retention-title' }, 'Retention'),
      el('p', {}, 'No retention data.'),
    )
    return
  }
  const money = moneyFormat(r.currency)
  const nodes = [
    el('h2', { id: 'retention-title' }, 'Retention'),
    el(
      'p',
      { class: 'retention-note' },
      `${r.from.slice(0, 10)} to ${r.to.slice(0, 10)} (end exclusive), months in ${r.timeZone}, money in ${r.currency ?? NONE}. A customer is active while their last order is under ${r.activeDays} days old.`,
    ),
    kpis(r, money),
  ]
  if (r.otherCurrencies?.length) {
    nodes.push(
      table(
        'Orders in other currencies (not included above)',
        'retention-other-currencies.csv',
        ['Currency', 'Orders', 'Revenue', 'Customers'],
        r.otherCurrencies.map((c) => [c.currency ?? NONE, c.orders, c.revenue, c.customers]),
        [String, int, (v) => num(v, 2), int],
      ),
    )
  }
  nodes.push(
    el('h3', {}, 'CRR and churn by month'),
    el(
      'p',
      { class: 'retention-note' },
      'Each month on its own: who stayed (CRR) and who lapsed (churn) among the customers active when that month began.',
    ),
    ...trendChart(r.trend),
    table(
      'CRR and churn by month',
      'retention-trend.csv',
      ['Month', 'Active at start', 'New', 'Active at end', 'Lost', 'CRR', 'Churn'],
      r.trend.map((t) => [t.month, t.customersStart, t.customersNew, t.customersEnd, t.lost, t.crr, t.churn]),
      [String, int, int, int, int, pct, pct],
    ),
    el('h3', {}, 'Cohorts'),
    el(
      'p',
      { class: 'retention-note' },
      'Customers grouped by the month of their first order; each cell is the share of them who ordered again that many months later. Darker is better.',
    ),
    cohortTable(r.cohorts),
    el('h3', {}, 'Segments'),
    ...segmentTables(r.segments, money),
  )
  section.replaceChildren(...nodes)
}
