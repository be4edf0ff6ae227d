// The collector's dashboard: plain DOM (createElement/textContent, SVG via createElementNS), no
// framework, no innerHTML, so it runs under the strict CSP the collector serves it with. Each
// section renders on its own: one that can't read the report says so, the others still show.
import { renderCampaigns } from './campaigns.js'
import { renderCarts } from './carts.js'
import { renderCsat } from './csat.js'
import { el } from './dom.js'
import { renderNps } from './nps.js'
import { renderPush } from './push.js'
import { renderRetention } from './retention.js'
import { fetchSites } from './sites.js'
import { renderSurveys } from './surveys.js'
import { releaseDownloads } from './table.js'

const TOKEN = 'linger-token'
const SITE = 'linger-site'
const DAY = 86_400_000
const $ = (id) => document.getElementById(id)

const SECTIONS = [
  ['nps', renderNps],
  ['csat', renderCsat],
  ['surveys', renderSurveys],
  ['push', renderPush],
  ['carts', renderCarts],
  ['campaigns', renderCampaigns],
  ['retention', renderRetention],
]

let shown // the report on screen, drawn again when the window's width changes a lot
let drawnAt = 0

function render(report) {
  releaseDownloads()
  $('report').hidden = false
  for (const [id, draw] of SECTIONS) {
    const body = $(id).querySelector('div')
    // Charts are drawn at their card's width so their labels keep their size on a phone.
    const width = Math.max(280, Math.min(960, body.clientWidth || 560))
    try {
      body.replaceChildren(...draw(report, width).filter(Boolean))
    } catch (error) {
      body.replaceChildren(el('p', { class: 'error' }, `This section could not be shown: ${error.message}`))
    }
  }
  // Data the figures lack: say so above them.
  const dropped = report.delivery?.droppedOnDevices ?? 0
  $('drops').hidden = !dropped
  $('drops').textContent =
    `Devices reported dropping up to ${dropped} events in this period (over the queue's caps, too large or unreadable); the figures below do not include them.`
  shown = report
  drawnAt = innerWidth
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
  const to = new Date(Date.parse(form.get('to')) + DAY).toISOString() // the API's `to` is exclusive
  const params = new URLSearchParams({ site: form.get('site'), from: form.get('from'), to })
  sessionStorage.setItem(SITE, form.get('site'))
  status('Loading…')
  const res = await fetch(`/v1/report?${params}`, {
    headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` },
  })
  const body = await res.json().catch(() => ({}))
  if (res.status === 401) return showLogin('That token was not accepted.')
  if (!res.ok) return status(body.error ?? `The collector answered ${res.status}.`, true)
  status('')
  render(body)
}

/**
 * Fills the Site field's suggestions and, unless one was picked before, picks the site visited
 * last. False when the token was refused.
 */
async function offerSites(site) {
  const sites = await fetchSites(sessionStorage.getItem(TOKEN))
  if (!sites) return false
  $('sites').replaceChildren(...sites.map((s) => el('option', { value: s })))
  if (!site.value) site.value = sites[0] ?? ''
  if (!site.value) status('No events yet: the collector has not received any, so there is no site to show.')
  return true
}

async function start() {
  const iso = (d) => d.toISOString().slice(0, 10)
  const query = $('query')
  query.elements.site.value = sessionStorage.getItem(SITE) ?? ''
  query.elements.to.value = iso(new Date())
  query.elements.from.value = iso(new Date(Date.now() - 89 * DAY))
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
  if (!(await offerSites(query.elements.site))) return showLogin('That token was not accepted.')
  if (query.elements.site.value) query.requestSubmit()
}

addEventListener('resize', () => {
  if (shown && Math.abs(innerWidth - drawnAt) > 40) render(shown)
})

start()
