// The collector's dashboard: plain DOM (createElement/textContent, SVG via createElementNS), no
// framework, no innerHTML, so it runs under the strict CSP the collector serves it with.
import { el, svg } from './dom.js'

const TOKEN = 'linger-token'
const $ = (id) => document.getElementById(id)

const num = (v, digits = 1) => (v === null || v === undefined ? '–' : v.toFixed(digits))
const pct = (v, sign = false) =>
  v === null || v === undefined ? '–' : `${sign && v > 0 ? '+' : ''}${v.toFixed(1)} %`

/** A headline number, its 95% margin and what it is. */
function figure(value, margin, label) {
  const plusMinus = margin === null || margin === undefined ? '' : ` ± ${num(margin)}`
  return el('p', { class: 'figure' }, num(value), el('small', {}, `${plusMinus} ${label}`))
}

function facts(pairs) {
  return el('ul', { class: 'facts' }, ...pairs.map(([k, v]) => el('li', {}, `${k}: `, el('strong', {}, v))))
}

/** Vertical bars with a label under each; `classOf(i)` colours them. */
function bars(counts, labels, title, classOf = () => '') {
  const w = 30
  const h = 90
  const max = Math.max(1, ...counts)
  const chart = svg('svg', {
    viewBox: `0 0 ${counts.length * w} ${h + 28}`,
    width: counts.length * w,
    height: h + 28,
    role: 'img',
    'aria-label': title,
  })
  counts.forEach((n, i) => {
    const bh = (n / max) * h
    const bar = svg('rect', { class: `bar ${classOf(i)}`, x: i * w + 3, y: h - bh, width: w - 6, height: bh })
    bar.append(svg('title', {}, `${labels[i]}: ${n}`))
    chart.append(bar, svg('text', { x: i * w + w / 2, y: h + 12, 'text-anchor': 'middle' }, labels[i]))
    chart.append(svg('text', { x: i * w + w / 2, y: h + 24, 'text-anchor': 'middle' }, n))
  })
  return chart
}

/** NPS per week on a −100…100 axis. */
function trendLine(points) {
  if (points.length === 0) return el('p', {}, 'No answers in this period.')
  const w = 320
  const h = 120
  const x = (i) => 20 + (points.length === 1 ? (w - 40) / 2 : (i * (w - 40)) / (points.length - 1))
  const y = (s) => 10 + ((100 - s) / 200) * (h - 20)
  const label = points.map((p) => `${p.week}: ${num(p.score)}`).join(', ')
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${h + 16}`,
    width: w,
    height: h + 16,
    role: 'img',
    'aria-label': `NPS by week: ${label}`,
  })
  chart.append(svg('line', { class: 'axis', x1: 10, x2: w - 10, y1: y(0), y2: y(0) }))
  chart.append(svg('text', { x: 0, y: y(100) + 3 }, '100'), svg('text', { x: 0, y: y(-100) + 3 }, '−100'))
  const scored = points.map((p, i) => [p, i]).filter(([p]) => p.score !== null)
  chart.append(
    svg('polyline', { class: 'line', points: scored.map(([p, i]) => `${x(i)},${y(p.score)}`).join(' ') }),
  )
  for (const [p, i] of scored) {
    const dot = svg('circle', { class: 'dot', cx: x(i), cy: y(p.score), r: 3 })
    dot.append(svg('title', {}, `week of ${p.week}: ${num(p.score)} (${p.responses} answers)`))
    chart.append(dot, svg('text', { x: x(i), y: h + 12, 'text-anchor': 'middle' }, p.week.slice(5)))
  }
  return chart
}

function renderNps(nps) {
  const group = (i) => (i <= 6 ? 'detractor' : i <= 8 ? 'passive' : 'promoter')
  return [
    figure(nps.score, nps.margin95, 'NPS'),
    facts([
      ['answers', nps.responses],
      ['promoters', nps.promoters],
      ['passives', nps.passives],
      ['detractors', nps.detractors],
    ]),
    bars(nps.distribution, [...Array(11).keys()], 'Answers by score, 0 to 10', group),
    el('h3', {}, 'By week'),
    trendLine(nps.trend),
  ]
}

function renderCsat(csat) {
  return [
    figure(csat.score, csat.margin95, '% satisfied'),
    facts([
      ['answers', csat.responses],
      ['satisfied (4–5)', csat.satisfied],
    ]),
    bars(csat.distribution, [1, 2, 3, 4, 5], 'Answers by score, 1 to 5', (i) => (i >= 3 ? 'promoter' : '')),
  ]
}

const CAMPAIGN_COLUMNS = [
  ['Campaign', (r) => r.id],
  ['Variant', (r) => r.variant ?? '–'],
  ['Shown', (r) => r.shown],
  ['Dismissed', (r) => r.dismissed],
  ['Converted', (r) => r.converted],
  ['Rate', (r) => pct(r.conversionRate)],
  ['95% CI', (r) => (r.ci95 ? `${r.ci95[0].toFixed(1)}–${r.ci95[1].toFixed(1)} %` : '–')],
  ['Held out', (r) => r.heldOut],
  ['Held out who bought', (r) => r.heldOutConverted],
  ['Lift', (r) => pct(r.lift, true)],
  ['Shown who bought', (r) => r.purchased],
  ['Purchase lift', (r) => pct(r.purchaseLift, true)],
]

function renderCampaigns(rows) {
  if (rows.length === 0) return [el('p', {}, 'No campaign was shown in this period.')]
  const cell = (v, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, v)
  return [
    el(
      'table',
      {},
      el('caption', {}, 'Visitors per campaign and variant; lift against the hold-out group'),
      el('thead', {}, el('tr', {}, ...CAMPAIGN_COLUMNS.map(([h]) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...rows.map((r) => el('tr', {}, ...CAMPAIGN_COLUMNS.map(([, value], i) => cell(value(r), i)))),
      ),
    ),
  ]
}

function renderPush(push) {
  return [
    figure(push.optInRate, null, '% opted in'),
    facts([
      ['prompted', push.prompted],
      ['subscribed', push.subscribed],
      ['denied', push.denied],
    ]),
  ]
}

function renderCarts(carts) {
  const money = carts.currency
    ? new Intl.NumberFormat(undefined, { style: 'currency', currency: carts.currency }).format(
        carts.recoveredValue,
      )
    : String(carts.recoveredValue)
  return [
    el('p', { class: 'figure' }, money, el('small', {}, ' recovered')),
    facts([
      ['abandoned carts', carts.abandoned],
      ['recovered orders', carts.recovered],
    ]),
  ]
}

async function renderRetentionSection(report) {
  const section = $('retention')
  section.replaceChildren()
  if (!report.retention) return
  try {
    const { renderRetention } = await import('./retention.js')
    renderRetention(section, report)
  } catch {
    section.replaceChildren(
      el('p', { class: 'error' }, 'The retention view (retention.js) is not available.'),
    )
  }
}

function render(report) {
  const fill = (id, nodes) =>
    $(id)
      .querySelector('div')
      .replaceChildren(...nodes)
  fill('nps', renderNps(report.nps))
  fill('csat', renderCsat(report.csat))
  fill('campaigns', renderCampaigns(report.campaigns))
  fill('push', renderPush(report.push))
  fill('carts', renderCarts(report.carts))
  // Data the figures lack: say so above them.
  const dropped = report.delivery?.droppedOnDevices ?? 0
  $('drops').hidden = !dropped
  $('drops').textContent =
    `Devices reported dropping up to ${dropped} events in this period (over the queue's caps, too large or unreadable); the figures below do not include them.`
  $('report').hidden = false
  return renderRetentionSection(report)
}

function status(text, isError = false) {
  $('status').textContent = text
  $('status').className = isError ? 'error' : ''
}

function showLogin(message) {
  sessionStorage.removeItem(TOKEN)
  $('login').hidden = false
  $('query').hidden = true
  $('report').hidden = true
  $('sign-out').hidden = true
  status(message ?? '', Boolean(message))
}

async function load() {
  const form = new FormData($('query'))
  const day = 86_400_000
  const to = new Date(Date.parse(form.get('to')) + day).toISOString() // the API's `to` is exclusive
  const params = new URLSearchParams({ site: form.get('site'), from: form.get('from'), to })
  sessionStorage.setItem('linger-site', form.get('site'))
  status('Loading…')
  const res = await fetch(`/v1/report?${params}`, {
    headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` },
  })
  const body = await res.json().catch(() => ({}))
  if (res.status === 401) return showLogin('That token was not accepted.')
  if (!res.ok) return status(body.error ?? `The collector answered ${res.status}.`, true)
  status('')
  await render(body)
}

function start() {
  const iso = (d) => d.toISOString().slice(0, 10)
  const query = $('query')
  query.elements.site.value = sessionStorage.getItem('linger-site') ?? ''
  query.elements.to.value = iso(new Date())
  query.elements.from.value = iso(new Date(Date.now() - 29 * 86_400_000))
  $('login').onsubmit = (e) => {
    e.preventDefault()
    sessionStorage.setItem(TOKEN, $('token').value)
    $('token').value = ''
    start()
  }
  query.onsubmit = (e) => {
    e.preventDefault()
    load().catch((error) => status(`Could not load the report: ${error.message}`, true))
  }
  $('sign-out').onclick = () => showLogin()
  if (!sessionStorage.getItem(TOKEN)) return showLogin()
  $('login').hidden = true
  query.hidden = false
  $('sign-out').hidden = false
  if (query.elements.site.value) query.requestSubmit()
}

start()
