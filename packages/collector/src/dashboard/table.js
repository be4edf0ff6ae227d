// Every table of the dashboard. Its title sits above it, outside the part that scrolls: on a
// laptop a table wider than its card scrolls sideways inside it, on a phone each row stacks into
// "column: value" lines (dashboard.css), so nothing is cut off and the page never scrolls sideways.
import { el } from './dom.js'
import { toCsv } from './format.js'

let downloads = []
let ids = 0

/** Frees the CSV downloads of the previous rendering (call before rendering a new report). */
export function releaseDownloads() {
  for (const url of downloads) URL.revokeObjectURL(url)
  downloads = []
}

function downloadLink({ name, head, rows }) {
  const blob = new Blob([`\ufeff${toCsv(head, rows)}`], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  downloads.push(url)
  return el('a', { class: 'csv', href: url, download: name }, `Download CSV (${name})`)
}

/**
 * A table from raw rows: `cells[i]` formats column i for display (default `String`). `csv` is a
 * file name for a download of the raw rows, or `{ name, head, rows }` for other columns than the
 * ones shown. `decorate(td, value, rowIndex, colIndex)` may style a cell. The first column is
 * the row's header. Explicit ARIA roles keep the table a table when a phone's CSS stacks it.
 */
export function dataTable({ caption, head, rows, cells = [], csv, decorate }) {
  const id = `table-${++ids}`
  const body = rows.map((row, r) =>
    el(
      'tr',
      { role: 'row' },
      ...row.map((v, c) => {
        const attrs = c === 0 ? { scope: 'row', role: 'rowheader' } : { role: 'cell', 'data-label': head[c] }
        const cell = el(c === 0 ? 'th' : 'td', attrs, (cells[c] ?? String)(v))
        decorate?.(cell, v, r, c)
        return cell
      }),
    ),
  )
  const table = el(
    'table',
    { role: 'table', 'aria-labelledby': id },
    el(
      'thead',
      {},
      el('tr', { role: 'row' }, ...head.map((h) => el('th', { scope: 'col', role: 'columnheader' }, h))),
    ),
    el('tbody', {}, ...body),
  )
  // Focusable, so a keyboard can scroll a table that is wider than its card.
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': id }, table)
  const download = typeof csv === 'string' ? { name: csv, head, rows } : csv
  return el(
    'div',
    { class: 'table' },
    el('p', { class: 'caption', id }, caption),
    wrap,
    download ? downloadLink(download) : null,
  )
}
