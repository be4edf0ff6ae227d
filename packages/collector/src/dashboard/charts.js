// The dashboard's charts as SVG built with createElementNS (nothing to load, nothing a strict CSP
// refuses, text a screen reader and a test can read). Each chart is drawn at the width of its
// card, so its 11 px labels stay 11 px on a phone instead of being scaled down, and x labels are
// thinned to keep at least `LABEL_GAP` px between them.
import { svg } from './dom.js'

const LABEL_GAP = 64
const FONT = 11

/** Vertical bars with the label and the count under each; `classOf(i)` colours a bar. */
export function barChart({ counts, labels, title, width = 360, classOf = () => '' }) {
  const h = 110
  const slot = Math.max(22, Math.min(48, width / counts.length))
  const w = slot * counts.length
  const max = Math.max(1, ...counts)
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${h + 36}`,
    width: w,
    height: h + 36,
    role: 'img',
    'aria-label': title,
  })
  counts.forEach((n, i) => {
    const bh = (n / max) * h
    const x = i * slot
    const bar = svg('rect', { class: `bar ${classOf(i)}`, x: x + 3, y: h - bh, width: slot - 6, height: bh })
    bar.append(svg('title', {}, `${labels[i]}: ${n}`))
    chart.append(bar, svg('text', { x: x + slot / 2, y: h + 14, 'text-anchor': 'middle' }, labels[i]))
    chart.append(svg('text', { x: x + slot / 2, y: h + 31, 'text-anchor': 'middle', class: 'count' }, n))
  })
  return chart
}

/**
 * Lines over labelled points: `series` is `[{ name, values, className }]` (null values leave a
 * gap), the y axis runs from `min` to `max` with a grid line and label at each of `ticks`
 * (written by `format`), `labels` name the x positions; `value` writes a point's value in its
 * tooltip. `describe` is the accessible summary.
 */
export function lineChart({
  labels,
  series,
  min,
  max,
  ticks,
  format = String,
  value = format,
  describe,
  width = 560,
}) {
  const pad = { l: 44, r: 14, t: 10, b: 26 }
  const h = 190
  const plotW = width - pad.l - pad.r
  const x = (i) => pad.l + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1))
  const y = (v) => pad.t + (1 - (v - min) / (max - min)) * (h - pad.t - pad.b)
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${h}`,
    width,
    height: h,
    role: 'img',
    'aria-label': describe,
  })
  for (const t of ticks) {
    chart.append(
      svg('line', {
        class: t === 0 && min < 0 ? 'axis zero' : 'axis',
        x1: pad.l,
        x2: width - pad.r,
        y1: y(t),
        y2: y(t),
      }),
    )
    chart.append(svg('text', { x: pad.l - 6, y: y(t) + FONT / 3, 'text-anchor': 'end' }, format(t)))
  }
  // Every k-th label, k chosen so neighbours are at least LABEL_GAP apart, and the last one when
  // it has room; labels at the ends are anchored inward so none is clipped.
  const step = Math.max(1, Math.ceil((LABEL_GAP * (labels.length - 1)) / plotW))
  const shown = labels.map((_, i) => i).filter((i) => i % step === 0)
  const last = labels.length - 1
  if (shown.at(-1) !== last) {
    if (x(last) - x(shown.at(-1)) < LABEL_GAP) shown.pop()
    shown.push(last)
  }
  for (const i of shown) {
    const half = (String(labels[i]).length * FONT * 0.6) / 2
    const anchor = x(i) - half < 0 ? 'start' : x(i) + half > width ? 'end' : 'middle'
    const at = anchor === 'start' ? 0 : anchor === 'end' ? width : x(i)
    chart.append(svg('line', { class: 'tick', x1: x(i), x2: x(i), y1: h - pad.b, y2: h - pad.b + 4 }))
    chart.append(svg('text', { x: at, y: h - 8, 'text-anchor': anchor }, labels[i]))
  }
  for (const { name, values, className } of series) {
    const points = values.map((v, i) => [v, i]).filter(([v]) => typeof v === 'number' && Number.isFinite(v))
    chart.append(
      svg('polyline', {
        class: `line ${className}`,
        points: points.map(([v, i]) => `${x(i)},${y(v)}`).join(' '),
      }),
    )
    for (const [v, i] of points) {
      const dot = svg('circle', { class: `dot ${className}`, cx: x(i), cy: y(v), r: 3 })
      dot.append(svg('title', {}, `${name}, ${labels[i]}: ${value(v)}`))
      chart.append(dot)
    }
  }
  return chart
}
