// The survey-flow card: for each multi-question survey, how many started and finished it, how
// long it took, and per question the answers and the drop-off after it.
import { el } from './dom.js'
import { facts } from './figures.js'
import { int, NONE, num, pct } from './format.js'
import { dataTable } from './table.js'

/** The most frequent answers of a question, `value × n`, at most five. */
const topAnswers = (answers) =>
  answers.length
    ? answers
        .slice(0, 5)
        .map((a) => `${a.value} × ${a.n}`)
        .join(', ')
    : NONE

/** [title, the report's field, how a cell shows it] per column of a survey's question table. */
const COLUMNS = [
  ['Question', 'question', String],
  ['Type', 'type', String],
  ['Answered', 'answered', int],
  ['Stopped after', 'stoppedAfter', int],
  ['Drop-off', 'dropOff', pct],
  ['Closed here', 'closedHere', int],
  ['Mean score', 'mean', (v) => (v === null ? NONE : num(v, 2))],
  ['Answers', 'answers', topAnswers],
]

function flow(f) {
  return [
    el('h3', {}, f.campaignId),
    facts([
      ['shown', int(f.shown)],
      ['started', int(f.started)],
      ['completed', int(f.completed)],
      ['completion', pct(f.completionRate)],
      ['median time to complete', f.medianSeconds === null ? NONE : `${num(f.medianSeconds)} s`],
    ]),
    dataTable({
      caption: `${f.campaignId}: each question — visitors who answered it, who stopped after it (their last answer, never reaching the end), who closed the survey on it`,
      head: COLUMNS.map(([title]) => title),
      rows: f.questions.map((q) => COLUMNS.map(([, key]) => q[key])),
      cells: COLUMNS.map(([, , cell]) => cell),
      // The download holds the raw numbers, without the answers' summary.
      csv: {
        name: `survey-${f.campaignId}.csv`,
        head: COLUMNS.slice(0, -1).map(([, key]) => key),
        rows: f.questions.map((q) => COLUMNS.slice(0, -1).map(([, key]) => q[key])),
      },
    }),
  ]
}

export function renderSurveys(report) {
  const flows = report.surveys ?? []
  if (!flows.length) return [el('p', {}, 'No multi-question survey was answered in this period.')]
  return flows.flatMap(flow)
}
