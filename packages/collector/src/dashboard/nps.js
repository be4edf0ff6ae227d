// The NPS card: the score with its margin, the answers by score, how often each group of
// answerers ordered again (the score's link to repeat purchase), and the score by week.
import { barChart, lineChart } from './charts.js'
import { el } from './dom.js'
import { facts, figure } from './figures.js'
import { int, num, pct, pp, shortDay } from './format.js'

const group = (i) => (i <= 6 ? 'detractor' : i <= 8 ? 'passive' : 'promoter')

/** Repeat-purchase rate by latest NPS answer (the retention segments), and promoters − detractors. */
function repeatByAnswer(segments) {
  if (!Array.isArray(segments) || segments.length === 0) return null
  const rate = (name) => segments.find((s) => s.group === name)?.repeatRate
  const promoters = rate('promoters')
  const detractors = rate('detractors')
  const lift = typeof promoters === 'number' && typeof detractors === 'number' ? promoters - detractors : null
  return [
    el('h3', {}, 'Repeat purchase by answer'),
    facts([...segments.map((s) => [s.group, pct(s.repeatRate)]), ['promoters vs detractors', pp(lift)]]),
  ]
}

export function renderNps(report, width) {
  const nps = report.nps
  const trend = nps.trend ?? []
  const described = trend.map((p) => `${p.week}: ${num(p.score)}`).join(', ')
  return [
    figure(nps.score, nps.margin95, 'NPS'),
    facts([
      ['answers', int(nps.responses)],
      ['promoters', int(nps.promoters)],
      ['passives', int(nps.passives)],
      ['detractors', int(nps.detractors)],
    ]),
    barChart({
      counts: nps.distribution,
      labels: [...Array(11).keys()],
      title: 'Answers by score, 0 to 10',
      width,
      classOf: group,
    }),
    repeatByAnswer(report.retention?.segments?.nps),
    el('h3', {}, 'NPS by week'),
    trend.length
      ? lineChart({
          labels: trend.map((p) => shortDay(p.week)),
          series: [{ name: 'NPS', values: trend.map((p) => p.score), className: 'nps' }],
          ...{ min: -100, max: 100, ticks: [-100, -50, 0, 50, 100], value: num },
          describe: `NPS by week: ${described}`,
          width,
        })
      : el('p', {}, 'No answers in this period.'),
  ].flat()
}
