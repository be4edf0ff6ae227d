import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config'

const flow = (questions: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  site: 'demo-shop',
  campaigns: [
    { id: 'ok', kind: 'nps', trigger: { type: 'manual' }, question: 'Q?' },
    { id: 'flow', kind: 'survey', trigger: { type: 'manual' }, questions, ...extra },
  ],
})
const nps = (next?: unknown) => ({
  id: 'rec',
  type: 'nps',
  question: 'Recommend?',
  ...(next ? { next } : {}),
})
const text = (id: string, next?: unknown) => ({
  id,
  type: 'text',
  question: 'Why?',
  ...(next ? { next } : {}),
})
const choice = (id: string, next?: unknown, other?: unknown) => ({
  id,
  type: 'single',
  question: 'Which?',
  choices: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  ...(other ? { other } : {}),
  ...(next ? { next } : {}),
})

/** The issues of a config, and which campaigns survive it. */
const run = (input: unknown) => {
  const { config, issues } = validateConfig(input)
  return { issues, ids: config?.campaigns.map((c) => c.id) }
}

describe('survey flows', () => {
  it('accepts a three-question flow with a jump by NPS group and an end by answer', () => {
    const r = run(
      flow([nps({ detractor: 'why', promoter: 'end' }), choice('which', { a: 'end' }), text('why')]),
    )
    expect(r).toEqual({ issues: [], ids: ['ok', 'flow'] })
  })

  it.each([
    [
      'a jump to a missing question',
      [nps({ detractor: 'gone' }), text('why')],
      'campaigns[1].questions[0].next.detractor',
      'ref',
      'expected "end" or the id of a question in this survey, got "gone"',
    ],
    [
      'a jump back (a cycle)',
      [nps(), choice('which'), text('why', 'rec')],
      'campaigns[1].questions[2].next',
      'cycle',
      'expected "end" or a question after "why" (jumps go forward, so no flow loops), got "rec", which would ask "rec" again',
    ],
    [
      'a question that jumps to itself',
      [nps(), choice('which', { b: 'which' })],
      'campaigns[1].questions[1].next.b',
      'cycle',
      'expected "end" or a question after "which" (jumps go forward, so no flow loops), got "which", which would ask "which" again',
    ],
    [
      'a branch on an answer the question cannot give',
      [nps({ neutral: 'why' }), text('why')],
      'campaigns[1].questions[0].next.neutral',
      'answer',
      'expected an answer of this question as key (detractor, passive, promoter, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), got "neutral"',
    ],
    [
      'a branch on "other" without an other choice',
      [choice('which', { other: 'why' }), text('why')],
      'campaigns[1].questions[0].next.other',
      'answer',
      'expected an answer of this question as key (a, b), got "other"',
    ],
    [
      'a branch by answer on an open question',
      [text('why', { x: 'end' })],
      'campaigns[1].questions[0].next',
      'branch',
      'expected a question id or "end" (a text question can\'t branch by answer), got an object',
    ],
    [
      'a question named "end"',
      [nps(), text('end')],
      'campaigns[1].questions[1].id',
      'reserved',
      'expected a question id other than "end", got "end"',
    ],
  ])('refuses %s, naming its path; the campaign is skipped, the others run', (_, qs, path, code, message) => {
    const r = run(flow(qs))
    expect(r.issues).toEqual([{ path, code, message }])
    expect(r.ids).toEqual(['ok'])
  })

  it('checks the CSAT scale of the question when branching by score', () => {
    const csat = { id: 'sat', type: 'csat', question: 'OK?', scale: 3, next: { '3': 'end', '5': 'end' } }
    expect(run(flow([csat])).issues).toEqual([
      {
        path: 'campaigns[1].questions[0].next.5',
        code: 'answer',
        message: 'expected an answer of this question as key (1, 2, 3), got "5"',
      },
    ])
  })

  it("checks each variant's questions too", () => {
    const r = run(
      flow([nps()], { variants: [{ id: 'v', weight: 1, questions: [nps({ promoter: 'nowhere' })] }] }),
    )
    expect(r.issues.map((i) => i.path)).toEqual(['campaigns[1].variants[0].questions[0].next.promoter'])
  })

  it('names schema-level problems by path: unknown types, repeated ids, choices, length limits', () => {
    const issues = (q: unknown) => run(flow([q])).issues.map((i) => `${i.path} ${i.code}`)
    expect(issues({ id: 'x', type: 'rating', question: 'Q' })).toEqual([
      'campaigns[1].questions[0].type enum',
    ])
    expect(issues({ id: 'x', type: 'single', question: 'Q' })).toEqual([
      'campaigns[1].questions[0].choices required',
    ])
    expect(issues({ ...choice('x'), choices: [{ id: 'a', label: 'A' }] })).toEqual([
      'campaigns[1].questions[0].choices length',
    ])
    expect(issues({ ...text('x'), maxLength: 5000 })).toEqual(['campaigns[1].questions[0].maxLength range'])
    expect(run(flow([text('x'), text('x')])).issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'campaigns[1].questions[1].id duplicate',
    ])
    expect(run(flow([])).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['campaigns[1].questions length'])
  })

  it("keeps today's single-question NPS and CSAT configs valid", () => {
    const old = {
      version: 1,
      site: 's',
      campaigns: [
        {
          id: 'n',
          kind: 'nps',
          trigger: { type: 'time', seconds: 20 },
          question: 'Q',
          followUp: { detractor: 'W?' },
        },
        {
          id: 'c',
          kind: 'csat',
          trigger: { type: 'pageview' },
          question: 'Q',
          scale: 5,
          style: 'stars',
          comment: true,
        },
      ],
    }
    expect(validateConfig(old)).toEqual({ config: old, issues: [] })
  })
})
