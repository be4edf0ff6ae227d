import type { Campaign } from '@linger/core/types'
import { afterEach, describe, expect, test } from 'vitest'
import { key, open } from './helpers'

afterEach(() => {
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
})

const trigger = { type: 'manual' } as const
const nps = (extra: Record<string, unknown> = {}) =>
  ({
    id: 'n',
    kind: 'nps',
    trigger,
    question: 'Recommend us?',
    followUp: {
      detractor: 'What went wrong?',
      passive: 'What would make it a 10?',
      promoter: 'What do you love?',
    },
    ...extra,
  }) as Campaign
const csat = (extra: Record<string, unknown> = {}) =>
  ({ id: 'c', kind: 'csat', trigger, question: 'How was it?', ...extra }) as Campaign

describe('NPS', () => {
  test('a 0–10 radio group labelled by the question, with end labels, non-modal', () => {
    const w = open(nps({ lowLabel: 'Nope', highLabel: 'Totally' }))
    const group = w.$('[role=radiogroup]')!
    expect(group.getAttribute('aria-labelledby')).toBe('t')
    expect(w.root.getElementById('t')!.textContent).toBe('Recommend us?')
    const radios = w.$$('[role=radio]')
    expect(radios.map((r) => r.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(radios.every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true)
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1])
    expect(w.$('.ends')!.textContent).toBe('NopeTotally')
    expect(w.$('[aria-modal]')).toBeNull()
    expect(open(nps()).$('.ends')!.textContent).toBe('Not likelyVery likely')
  })

  test.each([
    [3, 'What went wrong?'],
    [7, 'What would make it a 10?'],
    [10, 'What do you love?'],
  ])('score %i: sent at once, follow-up "%s", comment sent as a second event', (score, ask) => {
    const w = open(nps())
    w.$$('[role=radio]')[score]!.click()
    expect(w.tracked()).toEqual([{ type: 'survey.answered', props: { survey: 'nps', score, scale: 10 } }])
    expect(w.$$('[role=radio]')[score]!.getAttribute('aria-checked')).toBe('true')
    expect(w.$('label[for=m]')!.textContent).toBe(ask)
    w.$<HTMLTextAreaElement>('textarea')!.value = '  Fast delivery '
    w.button('Send')!.click()
    expect(w.tracked()[1]).toEqual({
      type: 'survey.answered',
      props: { survey: 'nps', score, scale: 10, comment: 'Fast delivery' },
    })
    expect(w.$('h2')!.textContent).toBe('Thank you!')
    expect(w.root.activeElement).toBe(w.$('h2'))
    w.button('Close')!.click()
    expect(w.calls.at(-1)).toEqual({ type: 'close', reason: 'completed' })
  })

  test('an empty comment sends nothing more; a changed score is sent again', () => {
    const w = open(nps({ thanks: 'Merci {{name}}' }), { vars: { name: 'Ann' } })
    w.$$('[role=radio]')[2]!.click()
    w.$$('[role=radio]')[9]!.click()
    expect(w.$('label[for=m]')!.textContent).toBe('What do you love?')
    w.button('Send')!.click()
    expect(w.tracked().map((e) => e.props!.score)).toEqual([2, 9])
    expect(w.$('h2')!.textContent).toBe('Merci Ann')
  })

  test('no follow-up for the group: straight to thanks', () => {
    const w = open(nps({ followUp: { detractor: 'Why?' } }))
    w.$$('[role=radio]')[9]!.click()
    expect(w.$('textarea')).toBeNull()
    expect(w.$('h2')!.textContent).toBe('Thank you!')
  })

  test('closing before a score is a dismissal', () => {
    const w = open(nps())
    w.button('Close')!.click()
    expect(w.calls).toEqual([{ type: 'close', reason: 'dismissed' }])
  })

  test('keyboard: arrows, Home and End move a roving focus without choosing; Space/Enter choose', () => {
    const w = open(nps())
    const radios = w.$$('[role=radio]')
    radios[0]!.focus()
    key(radios[0]!, 'ArrowRight')
    expect(w.root.activeElement).toBe(radios[1])
    expect(radios[1]!.tabIndex).toBe(0)
    expect(radios[0]!.tabIndex).toBe(-1)
    key(radios[1]!, 'ArrowLeft')
    key(radios[0]!, 'ArrowLeft')
    expect(w.root.activeElement).toBe(radios[10])
    key(radios[10]!, 'Home')
    expect(w.root.activeElement).toBe(radios[0])
    key(radios[0]!, 'End')
    key(radios[10]!, 'ArrowUp')
    expect(w.root.activeElement).toBe(radios[9])
    expect(key(radios[9]!, 'a').defaultPrevented).toBe(false)
    expect(w.tracked()).toEqual([])
  })

  test('right-to-left: ArrowLeft moves to the next score', () => {
    const w = open(nps(), { locale: 'he' })
    const radios = w.$$('[role=radio]')
    radios[0]!.focus()
    key(radios[0]!, 'ArrowLeft')
    expect(w.root.activeElement).toBe(radios[1])
    key(radios[1]!, 'ArrowDown')
    expect(w.root.activeElement).toBe(radios[2])
  })
})

describe('CSAT', () => {
  test.each([3, 5, 7])('scale %i, numbers', (scale) => {
    const w = open(csat({ scale, style: 'numbers' }))
    const radios = w.$$('[role=radio]')
    expect(radios.map((r) => r.textContent)).toEqual(Array.from({ length: scale }, (_, i) => String(i + 1)))
    expect(radios[0]!.hasAttribute('aria-label')).toBe(false)
  })

  test('stars (default, 5): filled up to the score, each named "n of 5"', () => {
    const w = open(csat())
    const radios = w.$$('[role=radio]')
    expect(w.$('.sc')!.classList.contains('st')).toBe(true)
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 of 5',
      '2 of 5',
      '3 of 5',
      '4 of 5',
      '5 of 5',
    ])
    expect(radios.map((r) => r.textContent).join('')).toBe('☆☆☆☆☆')
    radios[3]!.click()
    expect(w.tracked()).toEqual([{ type: 'survey.answered', props: { survey: 'csat', score: 4, scale: 5 } }])
    expect(w.$('h2')!.textContent).toBe('Thank you!')
    w.button('Close')!.click()
    expect(w.calls.at(-1)).toEqual({ type: 'close', reason: 'completed' })
  })

  test('stars fill while the comment step shows', () => {
    const w = open(csat({ comment: true }))
    w.$$('[role=radio]')[2]!.click()
    expect(
      w
        .$$('[role=radio]')
        .map((r) => r.textContent)
        .join(''),
    ).toBe('★★★☆☆')
    expect(w.$('label[for=m]')!.textContent).toBe('Comment')
  })

  test.each([3, 5, 7])('faces, scale %i: one face each, named in the locale', (scale) => {
    const w = open(csat({ scale, style: 'faces' }), { locale: 'de' })
    const radios = w.$$('[role=radio]')
    expect(radios).toHaveLength(scale)
    expect(new Set(radios.map((r) => r.textContent)).size).toBe(scale)
    expect(radios[0]!.getAttribute('aria-label')).toBe(`1 von ${scale}`)
  })

  test('comment prompt text; comment sent as a second event', () => {
    const w = open(csat({ comment: 'Anything to add?', style: 'numbers' }))
    w.$$('[role=radio]')[0]!.click()
    expect(w.$('label[for=m]')!.textContent).toBe('Anything to add?')
    w.$<HTMLTextAreaElement>('textarea')!.value = 'Slow'
    w.button('Send')!.click()
    expect(w.tracked()).toEqual([
      { type: 'survey.answered', props: { survey: 'csat', score: 1, scale: 5 } },
      { type: 'survey.answered', props: { survey: 'csat', score: 1, scale: 5, comment: 'Slow' } },
    ])
  })
})
