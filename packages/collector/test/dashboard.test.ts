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
  campaigns: [
    {
      ...{ id: 'exit-offer', variant: 'a', shown: 10, dismissed: 3, converted: 2, conversionRate: 20 },
      ...{ ci95: [5.67, 50.98], heldOut: 4, heldOutConverted: 1, lift: -20, purchased: 1, purchaseLift: -60 },
    },
  ],
  push: { prompted: 5, subscribed: 2, denied: 1, optInRate: 40 },
  carts: { abandoned: 3, recovered: 3, recoveredValue: 100.5, currency: 'EUR', unknownCurrencies: [] },
  delivery: { droppedOnDevices: 0 },
}

/** Loads index.html into happy-dom's document and runs dashboard.js against it. */
async function open(respond: () => Response) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<link [^>]*>/g, '') // happy-dom fetches no CSS
  const page = new DOMParser().parseFromString(html, 'text/html')
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)))
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => respond())
  vi.stubGlobal('fetch', fetch)
  vi.resetModules()
  const script = join(dir, 'dashboard.js')
  await import(/* @vite-ignore */ script)
  return fetch
}

beforeEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

it('asks for the token first', async () => {
  const fetch = await open(() => Response.json(report))
  expect(document.getElementById('login')!.hidden).toBe(false)
  expect(document.getElementById('query')!.hidden).toBe(true)
  expect(fetch).not.toHaveBeenCalled()
})

it('loads the report with the token and draws every section with DOM and SVG', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  const fetch = await open(() => Response.json(report))
  await vi.waitFor(() => expect(document.querySelector('#nps .figure')).not.toBeNull())

  const [url, init] = fetch.mock.calls[0]!
  const query = new URL(url, 'http://x').searchParams
  expect(query.get('site')).toBe('shop')
  // The form's "to" day is inclusive; the API's `to` is exclusive, so it asks for the next midnight.
  expect(
    Date.parse(query.get('to')!) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
  ).toBe(86_400_000)
  expect(new Headers(init!.headers).get('authorization')).toBe('Bearer tok')

  const text = (sel: string) => document.querySelector(sel)!.textContent
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
  const cells = [...document.querySelectorAll('#campaigns tbody tr')].map((tr) =>
    [...tr.children].map((td) => td.textContent),
  )
  expect(cells).toEqual([
    ['exit-offer', 'a', '10', '3', '2', '20.0 %', '5.7–51.0 %', '4', '1', '-20.0 %', '1', '-60.0 %'],
  ])
  expect(text('#push .figure')).toBe('40.0 % opted in')
  expect(text('#carts .figure')).toContain('100.50')
  expect(document.getElementById('report')!.hidden).toBe(false)
  expect(document.getElementById('drops')!.hidden).toBe(true)
})

it('says above the figures when devices reported dropping events', async () => {
  sessionStorage.setItem('linger-token', 'tok')
  sessionStorage.setItem('linger-site', 'shop')
  await open(() => Response.json({ ...report, delivery: { droppedOnDevices: 12 } }))
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
