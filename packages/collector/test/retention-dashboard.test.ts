import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { RetentionReport } from '../src/report/retention/types'

// Plain JS served to the browser as-is, without a declaration file: import it by URL.
type View = { renderRetention: (report: { retention?: RetentionReport }, width: number) => Node[] }
type Format = { toCsv: (head: unknown[], rows: unknown[][]) => string; csvCell: (v: unknown) => string }
const specifier = '../src/dashboard/retention.js'
const formatSpecifier = '../src/dashboard/format.js'
let view: { renderRetention(section: HTMLElement, report: { retention?: RetentionReport }): void }
let format: Format
beforeAll(async () => {
  const module = (await import(/* @vite-ignore */ specifier)) as View
  view = {
    renderRetention: (section, report) => section.replaceChildren(...module.renderRetention(report, 560)),
  }
  format = (await import(/* @vite-ignore */ formatSpecifier)) as Format
})

const group = (customers: number, repeatRate: number | null, revenue: number) => ({
  customers,
  repeatRate,
  revenue,
  revenuePerCustomer: customers ? revenue / customers : null,
})

const retention: RetentionReport = {
  activeDays: 90,
  timeZone: 'Europe/Berlin',
  from: '2026-01-31T23:00:00.000Z',
  to: '2026-03-31T22:00:00.000Z',
  customersStart: 10,
  customersNew: 35,
  customersEnd: 40,
  lost: 5,
  crr: 50,
  churn: 50,
  customers: 45,
  orders: 50,
  repeatPurchaseRate: 11.1,
  currency: 'EUR',
  revenue: 2500,
  aov: 50,
  ltv: 55.6,
  projectedLtv: null,
  projection: { ordersPerCustomerPerMonth: 1.6, monthlyChurn: null, expectedLifetimeMonths: null },
  avgDaysBetweenPurchases: null,
  otherCurrencies: [{ currency: 'USD', orders: 2, revenue: 80, customers: 2 }],
  unknownCurrencies: [],
  cohorts: [
    { cohort: '2026-02', customers: 10, retained: [100, 40] },
    { cohort: '2026-03', customers: 5, retained: [100] },
  ],
  trend: [
    {
      month: '2026-02',
      from: '',
      to: '',
      customersStart: 10,
      customersNew: 20,
      customersEnd: 25,
      lost: 5,
      crr: 50,
      churn: 50,
    },
    {
      month: '2026-03',
      from: '',
      to: '',
      customersStart: 0,
      customersNew: 15,
      customersEnd: 15,
      lost: 0,
      crr: null,
      churn: null,
    },
  ],
  segments: {
    campaigns: [
      {
        campaign: '=HYPERLINK("http://evil.example")',
        exposed: { visitors: 4, repeaters: 2, repeatRate: 50, revenue: 100, revenuePerVisitor: 25 },
        heldOut: { visitors: 4, repeaters: 0, repeatRate: 0, revenue: 20, revenuePerVisitor: 5 },
        repeatRateDiff: { diff: 50, margin95: 49, ci95: [1, 99] },
        revenuePerVisitorDiff: { diff: 20, margin95: 45, ci95: [-25, 65] },
      },
    ],
    nps: [
      { group: 'promoters', ...group(1, 100, 100) },
      { group: 'passives', ...group(0, null, 0) },
      { group: 'detractors', ...group(1, 0, 40) },
    ],
    email: {
      withEmail: group(1, 100, 150),
      identifiedWithoutEmail: group(0, null, 0),
      anonymous: group(2, 0, 60),
      ltvRatio: 5,
    },
  },
}

/** A table's title: the caption above it that labels it (outside the part that scrolls). */
const captionOf = (t: Element) => t.closest('.table')?.querySelector('.caption')?.textContent ?? ''
const tableByCaption = (section: HTMLElement, caption: RegExp) =>
  [...section.querySelectorAll('table')].find((t) => caption.test(captionOf(t)))!
const rowsOf = (table: HTMLTableElement) => [...table.querySelectorAll('tbody tr')]
const cells = (row: Element) => [...row.children].map((c) => c.textContent)

describe('retention dashboard section', () => {
  it('shows the figures, their explanations and — for null', () => {
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    const kpi = (name: string) =>
      [...section.querySelectorAll('dt')].find((dt) => dt.textContent === name)!.nextElementSibling!
    expect(kpi('Customer retention rate (CRR)').querySelector('strong')!.textContent).toBe('50.0 %')
    expect(kpi('Customer retention rate (CRR)').textContent).toMatch(/\(E − N\) \/ S/)
    expect(kpi('Projected LTV (estimate)').querySelector('strong')!.textContent).toBe('—')
    expect(kpi('Days between purchases').querySelector('strong')!.textContent).toBe('—')
    expect(kpi('Customers').querySelector('strong')!.textContent).toBe('10 → 40')
    expect(section.textContent).toContain('months in Europe/Berlin')
    // Other currencies are listed apart.
    expect(cells(rowsOf(tableByCaption(section, /other currencies/))[0]!)).toEqual(['USD', '2', '80.00', '2'])
  })

  it('draws CRR and churn as lines, skipping months without a value', () => {
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    const lines = section.querySelectorAll('svg polyline')
    expect(lines).toHaveLength(2)
    // March has S = 0: only February's point on each line.
    for (const line of lines) expect(line.getAttribute('points')!.trim().split(' ')).toHaveLength(1)
    expect(section.querySelector('svg')!.getAttribute('aria-label')).toContain('2026-03: CRR —, churn —')
    const trend = tableByCaption(section, /^CRR and churn by month$/)
    expect(cells(rowsOf(trend)[1]!)).toEqual(['2026-03', '0', '15', '15', '0', '—', '—'])
  })

  it('colours the cohort triangle by retention and leaves missing months blank', () => {
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    const cohorts = tableByCaption(section, /cohort/)
    const [feb, mar] = rowsOf(cohorts)
    expect(cells(feb!)).toEqual(['2026-02', '10', '100.0 %', '40.0 %'])
    expect(cells(mar!)).toEqual(['2026-03', '5', '100.0 %', '—'])
    const full = (feb!.children[2] as HTMLElement).style.backgroundColor
    const some = (feb!.children[3] as HTMLElement).style.backgroundColor
    expect(full).not.toBe('')
    expect(some).not.toBe('')
    expect(full).not.toBe(some)
    expect((mar!.children[3] as HTMLElement).style.backgroundColor).toBe('')
  })

  it('offers every table as a CSV download and renders hostile text as text', () => {
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    const tables = section.querySelectorAll('table')
    const links = [...section.querySelectorAll<HTMLAnchorElement>('a[download]')]
    expect(links).toHaveLength(tables.length)
    expect(links.map((a) => a.getAttribute('download'))).toEqual([
      'retention-other-currencies.csv',
      'retention-trend.csv',
      'retention-cohorts.csv',
      'retention-campaigns.csv',
      'retention-nps.csv',
      'retention-email.csv',
    ])
    for (const a of links) expect(a.href).toMatch(/^blob:/)
    const campaigns = tableByCaption(section, /shown vs held out/)
    expect(rowsOf(campaigns)[0]!.children[0]!.textContent).toBe('=HYPERLINK("http://evil.example")')
    expect(section.querySelector('a[href^="http://evil"]')).toBeNull()
  })

  it('writes CSV cells that spreadsheets cannot run as formulas (OWASP CSV injection)', () => {
    const { csvCell } = format
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1+41')).toBe("'\t=1+41") // tab
    expect(csvCell('\r=1+42')).toBe(`"'\r=1+42"`) // CR
    expect(csvCell('\n=1+44')).toBe(`"'\n=1+44"`) // LF (missed before)
    expect(csvCell(' =1+43')).toBe("' =1+43") // a space before = (missed before)
    expect(csvCell('   @SUM(A1)')).toBe("'   @SUM(A1)") // spaces before @
    expect(csvCell('  -1')).toBe("'  -1")
    expect(csvCell(' +1')).toBe("' +1")
    expect(csvCell(' \n=1')).toBe(`"' \n=1"`) // a space before LF
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    // Not formulas: left as they are (quoted where RFC 4180 needs it).
    expect(csvCell(' plain')).toBe('" plain"')
    expect(csvCell('a=1')).toBe('a=1')
    expect(csvCell('e-mail')).toBe('e-mail')
    expect(csvCell(-2.5)).toBe('-2.5') // a number is not a formula
    expect(csvCell(null)).toBe('')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(
      format.toCsv(
        ['Month', 'CRR'],
        [
          ['2026-02', 50],
          ['2026-03', null],
        ],
      ),
    ).toBe('Month,CRR\r\n2026-02,50\r\n2026-03,')
  })

  it('says so when the report has no retention section, and re-renders cleanly', () => {
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    view.renderRetention(section, {})
    expect(section.textContent).toContain('No retention data.')
    expect(section.querySelectorAll('table')).toHaveLength(0)
  })

  it('downloads the shown-vs-held-out table with each interval in columns of its own, as numbers', async () => {
    const blobs = new Map<string, Blob>()
    const made = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`
      blobs.set(url, blob as Blob)
      return url
    })
    const section = document.createElement('section')
    view.renderRetention(section, { retention })
    made.mockRestore()
    const link = section.querySelector<HTMLAnchorElement>('a[download="retention-campaigns.csv"]')!
    const csv = await blobs.get(link.getAttribute('href')!)!.text()
    expect(csv.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'Campaign,Shown (visitors),Held out (visitors),Repeat rate shown,Repeat rate held out,Difference,95 % CI from,95 % CI to,Revenue/visitor shown,Revenue/visitor held out,Difference,95 % CI from,95 % CI to',
      `"'=HYPERLINK(""http://evil.example"")",4,4,50,0,50,1,99,25,5,20,-25,65`,
    ])
  })

  it('lists orders in currencies that are no ISO 4217 code apart, with their own CSV', () => {
    const section = document.createElement('section')
    const unknownCurrencies = [{ currency: '€', orders: 3, revenue: 45, customers: 2 }]
    view.renderRetention(section, { retention: { ...retention, unknownCurrencies } as RetentionReport })
    const apart = tableByCaption(section, /no ISO 4217 code/)
    expect(cells(rowsOf(apart)[0]!)).toEqual(['€', '3', '45.00', '2'])
    expect(section.querySelector('a[download="retention-unknown-currencies.csv"]')).not.toBeNull()
  })

  it('renders a currency that is no ISO 4217 code, as the report holds it', () => {
    const section = document.createElement('section')
    for (const currency of ['€', 'US$', '', 'X'.repeat(400)]) {
      view.renderRetention(section, { retention: { ...retention, currency } })
      const revenue = [...section.querySelectorAll('dt')].find((dt) => dt.textContent === 'Revenue')!
      expect(revenue.nextElementSibling!.querySelector('strong')!.textContent, currency).toBe(
        currency ? `2500.00 ${currency}` : '2500.00',
      )
    }
  })

  it('builds its DOM without HTML strings', () => {
    expect(readFileSync(join(import.meta.dirname, specifier), 'utf8')).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|eval\(|new Function/,
    )
  })
})
