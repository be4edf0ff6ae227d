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
      head: [
        'Question',
        'Type',
        'Answered',
        'Stopped after',
        'Drop-off',
        'Closed here',
        'Mean score',
        'Answers',
      ],
      rows: f.questions.map((q) => [
        q.question,
        q.type,
        q.answered,
        q.stoppedAfter,
        q.dropOff,
        q.closedHere,
        q.mean,
        q.answers,
      ]),
      cells: [String, String, int, int, pct, int, (v) => (v === null ? NONE : num(v, 2)), topAnswers],
      csv: {
        name: `survey-${f.campaignId}.csv`,
        head: ['question', 'type', 'answered', 'stoppedAfter', 'dropOff', 'closedHere', 'mean'],
        rows: f.questions.map((q) => [
          q.question,
          q.type,
          q.answered,
          q.stoppedAfter,
          q.dropOff,
          q.closedHere,
          q.mean,
        ]),
      },
    }),
  ]
}

export function renderSurveys(report) {
  const flows = report.surveys ?? []
  if (!flows.length) return [el('p', {}, 'No multi-question survey was answered in this period.')]
  return flows.flatMap(flow)
}
