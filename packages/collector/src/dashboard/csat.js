// The CSAT card: % satisfied with its margin and the answers by score.
import { barChart } from './charts.js'
import { facts, figure } from './figures.js'
import { int } from './format.js'

export function renderCsat(report, width) {
  const csat = report.csat
  return [
    figure(csat.score, csat.margin95, '% satisfied'),
    facts([
      ['answers', int(csat.responses)],
      ['satisfied (4–5)', int(csat.satisfied)],
    ]),
    barChart({
      counts: csat.distribution,
      labels: [1, 2, 3, 4, 5],
      title: 'Answers by score, 1 to 5',
      width,
      classOf: (i) => (i >= 3 ? 'promoter' : ''),
    }),
  ]
}
