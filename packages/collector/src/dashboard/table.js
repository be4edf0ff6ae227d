// Every table of the dashboard: a caption, a header row and data rows, inside a wrapper that
// scrolls sideways when the table is wider than its card (a phone, a 13-column segment table),
// so nothing is cut off and the page itself never scrolls sideways.
import { el } from './dom.js'
import { toCsv } from './format.js'

let downloads = []

/** Frees the CSV downloads of the previous rendering (call before rendering a new report). */
export function releaseDownloads() {
  for (const url of downloads) URL.revokeObjectURL(url)
  downloads = []
}

function downloadLink(name, head, rows) {
  const blob = new Blob([`\ufeff${toCsv(head, rows)}`], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  downloads.push(url)
  return el('a', { class: 'csv', href: url, download: name }, `Download CSV (${name})`)
}

/**
 * A table from raw rows: `cells[i]` formats column i for display (default `String`), the CSV
 * (when `csv` names the file) gets the raw values. `decorate(td, value, rowIndex, colIndex)`
 * may style a cell. The first column is the row's header.
 */
export function dataTable({ caption, head, rows, cells = [], csv, decorate }) {
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
  const table = el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...body),
  )
  // Focusable and labelled, so a keyboard can scroll a table that is wider than its card.
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, table)
  return el('div', { class: 'table' }, wrap, csv ? downloadLink(csv, head, rows) : null)
}
