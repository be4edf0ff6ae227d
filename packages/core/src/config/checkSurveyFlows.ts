import { END } from '../survey/nextQuestion'
import type { Campaign, ConfigIssue, Question } from '../types'

const SCORES: Partial<Record<Question['type'], [number, number]>> = { nps: [0, 10], ces: [1, 7] }

/** The answer keys `next` may map for a question, or undefined when it can't branch by answer. */
function answerKeys(q: Question): string[] | undefined {
  if (q.type === 'multi' || q.type === 'text') return undefined
  if (q.type === 'single') return [...q.choices.map((c) => c.id), ...(q.other ? ['other'] : [])]
  const [lo, hi] = SCORES[q.type] ?? [1, q.type === 'csat' ? (q.scale ?? 5) : 5]
  const scores = Array.from({ length: hi - lo + 1 }, (_, k) => String(lo + k))
  return q.type === 'nps' ? ['detractor', 'passive', 'promoter', ...scores] : scores
}

/** Problems of one list of questions, with paths under `at`. */
function flowIssues(questions: Question[], at: string): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message })
  const ids = questions.map((q) => q.id)
  questions.forEach((q, i) => {
    const p = `${at}[${i}]`
    if (q.id === END) add(`${p}.id`, 'reserved', 'expected a question id other than "end", got "end"')
    if (q.type === 'single' || q.type === 'multi')
      q.choices.forEach((c, j) => {
        if (c.id === 'other')
          add(
            `${p}.choices[${j}].id`,
            'reserved',
            'expected a choice id other than "other" (use `other: true`), got "other"',
          )
      })
    const jump = (to: string, path: string) => {
      if (to === END) return
      const k = ids.indexOf(to)
      if (k < 0)
        add(path, 'ref', `expected "end" or the id of a question in this survey, got ${JSON.stringify(to)}`)
      else if (k <= i)
        add(
          path,
          'cycle',
          `expected "end" or a question after "${q.id}" (jumps go forward, so no flow loops), got ${JSON.stringify(to)}, which would ask "${to}" again`,
        )
    }
    const next = q.next
    if (typeof next === 'string') {
      jump(next, `${p}.next`)
      return
    }
    if (!next) return
    const keys = answerKeys(q)
    if (!keys) {
      add(
        `${p}.next`,
        'branch',
        `expected a question id or "end" (a ${q.type} question can't branch by answer), got an object`,
      )
      return
    }
    for (const [key, to] of Object.entries(next)) {
      if (!keys.includes(key))
        add(
          `${p}.next.${key}`,
          'answer',
          `expected an answer of this question as key (${keys.join(', ')}), got "${key}"`,
        )
      else jump(to, `${p}.next.${key}`)
    }
  })
  return issues
}

/**
 * The flow rules JSON Schema can't say, for every `survey` campaign and each variant's
 * questions: jumps name a question of the survey (or `end`) and go forward (so no flow loops),
 * keys of `next` are answers the question can give, `end` and `other` stay reserved. A campaign
 * with a problem becomes a hole in `list` (reported and skipped, like any broken campaign).
 */
export function checkSurveyFlows(list: (Campaign | undefined)[], issues: ConfigIssue[]): void {
  list.forEach((c, i) => {
    if (c?.kind !== 'survey') return
    const found = [
      ...flowIssues(c.questions, `campaigns[${i}].questions`),
      ...(c.variants ?? []).flatMap((v, j) =>
        v.questions ? flowIssues(v.questions, `campaigns[${i}].variants[${j}].questions`) : [],
      ),
    ]
    if (!found.length) return
    issues.push(...found)
    list[i] = undefined
  })
}
