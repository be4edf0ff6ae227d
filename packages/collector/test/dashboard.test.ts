import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, expect, it, vi } from 'vitest'
import type { Report } from '../src/report'

// Plain paths: under happy-dom, `URL` is happy-dom's and node:fs refuses it.
const dir = join(import.meta.dirname, '../src/dashboard')

const report: Report = {
  site: 'shop',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  nps: {
    score: -25,
    responses: 8,
    promoters: 2,
    passives: 2,
    detractors: 4,
    margin95: 57.4566,
    distribution: [1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1],
    trend: [
      { week: '2026-01-05', responses: 3, score: 66.7 },
      { week: '2026-01-12', responses: 3, score: -66.7 },
      { week: '2026-01-19', responses: 2, score: -100 },
    ],
  },
  csat: { score: 50, responses: 10, satisfied: 5, margin95: 30.99, distribution: [1, 2, 2, 2, 3] },
  surveys: [
    {
      ...{
        campaignId: 'checkout-flow',
        shown: 6,
        started: 5,
        completed: 2,
        completionRate: 33.33,
        medianSeconds: 15,
      },
      questions: [
        {
          ...{
            question: 'rec',
            index: 0,
            type: 'nps',
            answered: 5,
            stoppedAfter: 2,
            dropOff: 40,
            closedHere: 0,
          },
          ...{
            mean: 7.2,
            answers: [
              { value: '8', n: 2 },
              { value: '10', n: 1 },
            ],
          },
        },
        {
          ...{
            question: 'why',
            index: 2,
            type: 'text',
            answered: 1,
            stoppedAfter: 0,
            dropOff: 0,
            closedHere: 1,
          },
          ...{ mean: null, answers: [] },
        },
      ],
    },
  ],
  campaigns: [
    {
      ...{ id: 'exit-offer', kind: 'popup', variant: 'a', shown: 10, dismissed: 3, converted: 2 },
      ...{ conversionRate: 20, ci95: [5.67, 50.98], heldOut: 4, heldOutConverted: 1, lift: -20 },
      ...{ purchased: 1, purchaseLift: -60, answered: 0, subscribed: 0 },
    },
  ],
  push: { prompted: 5, subscribed: 2, denied: 1, optInRate: 40 },
  carts: { abandoned: 3, recovered: 3, recoveredValue: 100.5, currency: 'EUR', unknownCurrencies: [] },
  delivery: { droppedOnDevices: 0 },
}

type Respond = (url: string) => Response

/** The collector's answers: the site list, and `report` for any report query. */
const collector =
  (body: unknown, sites = ['shop']): Respond =>
  (url) =>
    url.startsWith('/v1/sites')
      ? Response.json({ sites: sites.map((site) => ({ site, lastPageView: null })) })
      : Response.json(body)

/** Loads index.html into happy-dom's document and runs dashboard.js against it. */
async function open(respond: Respond) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<link [^>]*>/g, '') // happy-dom fetches no CSS
  const page = new DOMParser().parseFromString(html, 'text/html')
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)))
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => respond(url))
  vi.stubGlobal('fetch', fetch)
  vi.resetModules()
  const script = join(dir, 'dashboard.js')
  await import(/* @vite-ignore */ script)
  return fetch
}

const reportCalls = (fetch: Awaited<ReturnType<typeof open>>) =>
  fetch.mock.calls.filter(([url]) => url.startsWith('/v1/report'))
const text = (sel: string) => document.querySelector(sel)!.textContent
const rowsOf = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent))
const headOf = (table: Element) => [...table.querySelectorAll('thead th')].map((th) => th.textContent)
/** A table's title: the caption above it that labels it (outside the part that scrolls). */
const captionOf = (t: Element) => t.closest('.table')?.querySelector('.caption')?.textContent ?? ''
const tableCaptioned = (caption: RegExp) =>
  [...document.querySelectorAll('table')].find((t) => caption.test(captionOf(t)))!

beforeEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

it('asks for the token first', async () => {
  const fetch = await open(collector(report))
  expect(document.getElementById('login')!.hidden).toBe(false)
  expect(document.getElementById('query')!.hidden).toBe(true)
  expect(fetch).not.toHaveBeenCalled()
})

it('loads the report with the token and draws every section with DOM and SVG', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  const fetch = await open(collector(report))
  await vi.waitFor(() => expect(document.querySelector('#nps .figure')).not.toBeNull())

  const [url, init] = reportCalls(fetch)[0]!
  const query = new URL(url, 'http://x').searchParams
  expect(query.get('site')).toBe('shop')
  // The form's "to" day is inclusive; the API's `to` is exclusive, so it asks for the next midnight.
  expect(
    Date.parse(query.get('to')!) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
  ).toBe(86_400_000)
  expect(new Headers(init!.headers).get('authorization')).toBe('Bearer tok')

  expect(text('#nps .figure')).toBe('-25.0 ± 57.5 NPS')
  const bars = [...document.querySelectorAll('#nps rect.bar')]
  expect(bars.map((b) => b.getAttribute('class'))).toEqual([
    ...Array(7).fill('bar detractor'),
    ...Array(2).fill('bar passive'),
    ...Array(2).fill('bar promoter'),
  ])
  expect(document.querySelector('#nps polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3)
  expect(text('#csat .figure')).toBe('50.0 ± 31.0 % satisfied')
  expect(document.querySelectorAll('#csat rect.bar')).toHaveLength(5)
  const popups = document.querySelector('#campaigns table')!
  expect(rowsOf(popups)).toEqual([
    ['exit-offer', 'a', '10', '3', '2', '20.0 %', '5.7–51.0 %', '4', '1', '-20.0 %', '1', '-60.0 %'],
  ])
  expect(text('#surveys h3')).toBe('checkout-flow')
  expect(text('#surveys .facts')).toBe(
    'shown: 6started: 5completed: 2completion: 33.3 %median time to complete: 15.0 s',
  )
  const flow = document.querySelector('#surveys table')!
  expect(headOf(flow)).toEqual([
    ...['Question', 'Type', 'Answered', 'Stopped after', 'Drop-off', 'Closed here', 'Mean score', 'Answers'],
  ])
  expect(rowsOf(flow)).toEqual([
    ['rec', 'nps', '5', '2', '40.0 %', '0', '7.20', '8 × 2, 10 × 1'],
    ['why', 'text', '1', '0', '0.0 %', '1', '—', '—'],
  ])
  expect(text('#push .figure')).toBe('40.0 % opted in')
  expect(text('#carts .figure')).toContain('100.50')
  expect(document.getElementById('report')!.hidden).toBe(false)
  expect(document.getElementById('drops')!.hidden).toBe(true)
})

it('the Site field defaults to the site the data has, and offers every site seen', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  const fetch = await open(collector(report, ['demo-shop', 'staging']))
  await vi.waitFor(() => expect(reportCalls(fetch)).toHaveLength(1))
  const [url] = reportCalls(fetch)[0]!
  expect(new URL(url, 'http://x').searchParams.get('site')).toBe('demo-shop')
  const site = document.querySelector<HTMLInputElement>('#query input[name=site]')!
  expect(site.value).toBe('demo-shop')
  const offered = [...document.querySelectorAll(`#${site.getAttribute('list')} option`)]
  expect(offered.map((o) => o.getAttribute('value'))).toEqual(['demo-shop', 'staging'])
})

it('says so when the collector has no events yet', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  const fetch = await open(collector(report, []))
  await vi.waitFor(() => expect(document.getElementById('status')!.textContent).toMatch(/No events yet/))
  expect(reportCalls(fetch)).toHaveLength(0)
})

it('reads each kind of campaign by its own outcome: conversion, answers, subscriptions', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  const row = { variant: null, dismissed: 1, converted: 0, conversionRate: 0, ci95: null }
  const none = { heldOut: 0, heldOutConverted: 0, lift: null, purchased: 0, purchaseLift: null }
  const campaigns = [
    report.campaigns[0],
    { ...row, ...none, id: 'nps-main', kind: 'nps', shown: 40, answered: 22, subscribed: 0 },
    { ...row, ...none, id: 'csat-order', kind: 'csat', shown: 10, answered: 6, subscribed: 0 },
    { ...row, ...none, id: 'push-optin', kind: 'push', shown: 8, answered: 0, subscribed: 2 },
  ]
  const segments = {
    campaigns: [
      {
        campaign: 'nps-main',
        exposed: { visitors: 36, repeaters: 9, repeatRate: 25, revenue: 0, revenuePerVisitor: 0 },
        heldOut: { visitors: 4, repeaters: 0, repeatRate: 0, revenue: 0, revenuePerVisitor: 0 },
        repeatRateDiff: { diff: 25, margin95: 14.1, ci95: [10.9, 39.1] },
        revenuePerVisitorDiff: { diff: 0, margin95: 0, ci95: [0, 0] },
      },
    ],
    nps: [
      { group: 'promoters', customers: 10, repeatRate: 40, revenue: 0, revenuePerCustomer: 0 },
      { group: 'passives', customers: 10, repeatRate: 30, revenue: 0, revenuePerCustomer: 0 },
      { group: 'detractors', customers: 10, repeatRate: 15, revenue: 0, revenuePerCustomer: 0 },
    ],
  }
  await open(collector({ ...report, campaigns, retention: { segments } }))
  await vi.waitFor(() => expect(document.querySelectorAll('#campaigns table')).toHaveLength(3))

  const surveys = tableCaptioned(/^Surveys/)
  expect(headOf(surveys)).not.toContain('Converted')
  expect(rowsOf(surveys)).toEqual([
    ['nps-main', 'NPS', '40', '22', '55.0 %', 'NPS -25.0', '+25.0 pp (+10.9 pp to +39.1 pp)'],
    ['csat-order', 'CSAT', '10', '6', '60.0 %', '50.0 % satisfied', 'no hold-out'],
  ])
  expect(rowsOf(tableCaptioned(/^Push/))).toEqual([['push-optin', '8', '2', '25.0 %', '1']])
  expect(rowsOf(tableCaptioned(/^Pop-ups/)).map((r) => r[0])).toEqual(['exit-offer'])
  // The score's link to repeat purchase, in the NPS card.
  expect(text('#nps')).toContain('promoters vs detractors: +25.0 pp')
})

it('renders whatever the report holds: currencies like "€", "US$", "" and a 400-character one', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  for (const currency of ['€', 'US$', '', 'X'.repeat(400), 'EUR']) {
    await open(collector({ ...report, carts: { ...report.carts, currency } }))
    await vi.waitFor(() => expect(document.getElementById('report')!.hidden).toBe(false))
    expect(document.getElementById('status')!.className, currency).not.toBe('error')
    expect(text('#carts .figure'), currency).toContain('100.50')
    if (currency.length > 1 && currency !== 'EUR') expect(text('#carts .figure')).toContain(currency)
    expect(text('#nps .figure')).toBe('-25.0 ± 57.5 NPS')
  }
})

it('lists recovered orders in currencies that are no ISO 4217 code apart, never added', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  const unknownCurrencies = [
    { currency: '€', recovered: 2, value: 40 },
    { currency: 'US$', recovered: 1, value: 12.5 },
  ]
  await open(collector({ ...report, carts: { ...report.carts, unknownCurrencies } }))
  await vi.waitFor(() => expect(document.querySelector('#carts .note')).not.toBeNull())
  expect(text('#carts .figure')).toContain('100.50') // EUR only
  expect(text('#carts .note')).toContain('40.00 € (2 orders), 12.50 US$ (1 order)')
})

it('a section that cannot read the report says so; the other sections still show', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  await open(collector({ ...report, nps: null }))
  await vi.waitFor(() => expect(document.getElementById('report')!.hidden).toBe(false))
  expect(text('#nps .error')).toMatch(/could not be shown/)
  expect(text('#csat .figure')).toBe('50.0 ± 31.0 % satisfied')
})

it('says above the figures when devices reported dropping events', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  await open(collector({ ...report, delivery: { droppedOnDevices: 12 } }))
  await vi.waitFor(() => expect(document.getElementById('drops')!.hidden).toBe(false))
  expect(document.getElementById('drops')!.textContent).toContain('up to 12 events')
})

it('goes back to the token form when the token is refused', async () => {
  sessionStorage.setItem('linger-token', 'old')
  sessionStorage.setItem('linger-site', 'shop')
  await open(() => Response.json({ error: 'missing or wrong bearer token', issues: [] }, { status: 401 }))
  await vi.waitFor(() => expect(document.getElementById('login')!.hidden).toBe(false))
  expect(sessionStorage.getItem('linger-token')).toBeNull()
  expect(document.getElementById('status')!.textContent).toBe('That token was not accepted.')
})

it('shows the collector’s reason when the report is disabled', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  const reason = 'the report is disabled: set LINGER_ADMIN_TOKEN to enable it'
  await open(() => Response.json({ error: reason, issues: [] }, { status: 503 }))
  await vi.waitFor(() => expect(document.getElementById('status')!.textContent).toBe(reason))
})

it('dashboard scripts never parse markup from strings', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(dir, file), 'utf8')
    expect(source, file).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(|\beval\(|new Function\(|setHTMLUnsafe/,
    )
  }
})
