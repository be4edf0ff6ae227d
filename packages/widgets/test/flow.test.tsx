import type { Campaign } from '@linger/core/types'
import { afterEach, describe, expect, test } from 'vitest'
import { mountFlow } from '../src/flow/mountFlow'
import { key, open } from './helpers'

afterEach(() => {
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
})

/** Recommend (0–10; detractors → why, promoters → end) → which (choices; "a" → end) → why (text). */
const flow = (extra: Record<string, unknown> = {}) =>
  ({
    id: 'f',
    kind: 'survey',
    trigger: { type: 'manual' },
    questions: [
      { id: 'rec', type: 'nps', question: 'Recommend us?', next: { detractor: 'why', promoter: 'end' } },
      {
        id: 'which',
        type: 'single',
        question: 'What brought you?',
        choices: [
          { id: 'a', label: 'Ads' },
          { id: 'b', label: 'Friends' },
        ],
        other: true,
        next: { a: 'end' },
      },
      { id: 'why', type: 'text', question: 'Why?', maxLength: 20 },
    ],
    thanks: { title: 'Cheers!', body: 'See you soon.' },
    ...extra,
  }) as Campaign

const run = (c: Campaign, over = {}) => open(c, over, {}, mountFlow)
const heading = (w: ReturnType<typeof run>) => w.$('h2')!.textContent
const answers = (w: ReturnType<typeof run>) => w.tracked().filter((e) => e.type === 'survey.answered')

describe('survey flow', () => {
  test('a detractor jumps to the open question, then thanks: each answer an event with id and index', () => {
    const w = run(flow())
    expect(heading(w)).toBe('Recommend us?')
    expect(w.$$('[role=radio]')).toHaveLength(11)
    w.$$('[role=radio]')[4]!.click()
    expect(heading(w)).toBe('Why?')
    expect(w.root.activeElement).toBe(w.$('h2'))
    expect(w.$<HTMLTextAreaElement>('textarea')!.maxLength).toBe(20)
    w.$<HTMLTextAreaElement>('textarea')!.value = ' Slow delivery '
    w.button('Send')!.click()
    expect(heading(w)).toBe('Cheers!')
    expect(w.$('p')!.textContent).toBe('See you soon.')
    const [a, b, done] = w.tracked()
    expect([a, b]).toEqual([
      { type: 'survey.answered', props: { survey: 'nps', question: 'rec', index: 0, score: 4, scale: 10 } },
      {
        type: 'survey.answered',
        props: { survey: 'text', question: 'why', index: 2, comment: 'Slow delivery' },
      },
    ])
    expect(done!.type).toBe('survey.completed')
    expect(done!.props).toMatchObject({ answered: 2 })
    expect(done!.props!.ms).toBeGreaterThanOrEqual(0)
    w.button('Close')!.click()
    expect(w.calls.at(-1)).toEqual({ type: 'close', reason: 'completed' })
  })

  test('a promoter ends at once; a passive goes on to the next question, whose "a" ends', () => {
    const p = run(flow())
    p.$$('[role=radio]')[9]!.click()
    expect(heading(p)).toBe('Cheers!')
    expect(p.tracked().map((e) => e.type)).toEqual(['survey.answered', 'survey.completed'])
    const w = run(flow())
    w.$$('[role=radio]')[7]!.click()
    expect(heading(w)).toBe('What brought you?')
    w.$<HTMLInputElement>('input[value=a]')!.click()
    w.button('Next')!.click()
    expect(heading(w)).toBe('Cheers!')
    expect(answers(w)[1]!.props).toEqual({ survey: 'single', question: 'which', index: 1, choice: 'a' })
  })

  test('a choice question asks for an answer; "Other" shows its text field and sends the text', () => {
    const w = run(flow())
    w.$$('[role=radio]')[8]!.click()
    w.button('Next')!.click()
    expect(w.$('.er')!.textContent).toBe('Choose an answer')
    expect(answers(w)).toHaveLength(1)
    expect(w.$('input[name=o]')).toBeNull()
    const other = w.$<HTMLInputElement>('input[value=other]')!
    other.click()
    other.dispatchEvent(new Event('change', { bubbles: true }))
    const field = w.$<HTMLInputElement>('input[name=o]')!
    expect(field.getAttribute('aria-label')).toBe('Other')
    field.value = 'A podcast'
    w.button('Next')!.click()
    expect(answers(w)[1]!.props).toEqual({
      survey: 'single',
      question: 'which',
      index: 1,
      choice: 'other',
      other: 'A podcast',
    })
    expect(heading(w)).toBe('Why?') // "other" has no branch: on to the next question
  })

  test('multiple choice sends every ticked id; an empty open answer is skipped, not sent', () => {
    const w = run(
      flow({
        questions: [
          {
            id: 'm',
            type: 'multi',
            question: 'Which?',
            choices: [
              { id: 'x', label: 'X' },
              { id: 'y', label: 'Y' },
              { id: 'z', label: 'Z' },
            ],
          },
          { id: 't', type: 'text', question: 'More?' },
        ],
      }),
    )
    expect(w.$$<HTMLInputElement>('input[type=checkbox]')).toHaveLength(3)
    w.$<HTMLInputElement>('input[value=x]')!.click()
    w.$<HTMLInputElement>('input[value=z]')!.click()
    w.button('Next')!.click()
    w.button('Send')!.click()
    expect(w.tracked()).toEqual([
      { type: 'survey.answered', props: { survey: 'multi', question: 'm', index: 0, choices: ['x', 'z'] } },
      { type: 'survey.completed', props: { answered: 1, ms: expect.any(Number) } },
    ])
  })

  test('CSAT faces and CES on their scales, with their scores and branches', () => {
    const w = run(
      flow({
        questions: [
          { id: 's', type: 'csat', question: 'Happy?', scale: 3, style: 'faces', next: { '1': 'e' } },
          { id: 'skip', type: 'text', question: 'Skipped?' },
          { id: 'e', type: 'ces', question: 'Easy?' },
        ],
      }),
    )
    expect(w.$$('[role=radio]').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 of 3',
      '2 of 3',
      '3 of 3',
    ])
    w.$$('[role=radio]')[0]!.click()
    expect(heading(w)).toBe('Easy?')
    expect(w.$$('[role=radio]').map((r) => r.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(w.$('.ends')!.textContent).toBe('Very difficultVery easy')
    w.$$('[role=radio]')[5]!.click()
    expect(answers(w).map((e) => e.props)).toEqual([
      { survey: 'csat', question: 's', index: 0, score: 1, scale: 3 },
      { survey: 'ces', question: 'e', index: 2, score: 6, scale: 7 },
    ])
  })

  test('closing after an answer is survey.abandoned (where and how far); before one, a dismissal', () => {
    const w = run(flow())
    w.$$('[role=radio]')[7]!.click()
    key(w.$('h2')!, 'Escape')
    expect(w.tracked().at(-1)).toEqual({
      type: 'survey.abandoned',
      props: { question: 'which', index: 1, answered: 1 },
    })
    expect(w.calls.at(-1)).toEqual({ type: 'close', reason: 'completed' })
    const d = run(flow())
    d.button('Close')!.click()
    expect(d.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
  })

  test('the first question does not take focus; shuffled choices keep one order across re-renders', () => {
    const before = document.activeElement
    const choices = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, label: `C${i}` }))
    const w = run(
      flow({
        questions: [{ id: 'q', type: 'single', question: 'Pick', choices, shuffle: true, other: 'Else' }],
      }),
    )
    expect(document.activeElement).toBe(before)
    const order = () => w.$$<HTMLInputElement>('input[type=radio]').map((i) => i.value)
    const first = order()
    expect(first.at(-1)).toBe('other')
    expect([...first].sort()).toEqual([...choices.map((c) => c.id), 'other'].sort())
    w.button('Send')!.click() // re-renders with the error
    expect(order()).toEqual(first)
  })

  test('inline inside its target; right-to-left for Arabic with translated texts', () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="fb"></div>')
    const w = run(
      flow({
        display: 'inline',
        target: '#fb',
        questions: [{ id: 'e', type: 'ces', question: { en: 'Easy?', ar: 'هل كان سهلا؟' } }],
      }),
      { locale: 'ar' },
    )
    expect(w.el.parentElement!.id).toBe('fb')
    expect(w.$('.w')!.getAttribute('dir')).toBe('rtl')
    expect(heading(w)).toBe('هل كان سهلا؟')
    expect(w.$('.ends')!.textContent).toBe('صعب جدًاسهل جدًا')
    document.getElementById('fb')!.remove()
  })
})

describe('survey flow as a feedback tab', () => {
  test('only the tab shows; opening it shows the first question with focus inside', () => {
    const w = run(flow({ display: 'tab', position: 'left' }))
    expect(w.$('[role=dialog]')).toBeNull()
    const tab = w.button('Feedback')!
    expect(tab.getAttribute('aria-haspopup')).toBe('dialog')
    expect(w.$('.left')).not.toBeNull()
    expect(w.tracked()).toEqual([])
    tab.click()
    expect(heading(w)).toBe('Recommend us?')
    expect(w.root.activeElement).toBe(w.$$('[role=radio]')[0])
    const de = run(flow({ display: 'tab', tab: { en: 'Feedback', de: 'Ihre Meinung' } }), { locale: 'de' })
    expect(de.button('Ihre Meinung')).toBeDefined()
  })
})
