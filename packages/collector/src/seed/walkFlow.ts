/** One event of a visitor's pass through the demo's feedback flow, as the survey widget sends it. */
export interface FlowStep {
  type: 'survey.answered' | 'survey.completed' | 'survey.abandoned' | 'campaign.dismissed'
  props: Record<string, unknown>
}

const FOUND = ['search', 'friend', 'social', 'other']
const WRONG = ['Delivery took two weeks', 'The mug arrived chipped', 'Checkout asked for too much']
const NEXT = ['A teapot', 'Bigger totes', 'Gift cards', 'Linen napkins']

/**
 * A visitor's pass through the shop's `feedback-flow` (examples/shop/public/linger.json), opened
 * from the footer, for the NPS `score` they give: detractors go from `rec` to `wrong`, the others
 * through `found` and `next-product`. Some close it before answering, some stop half-way (the
 * report's drop-off), some skip a text question (no answer, the flow goes on), the rest reach the
 * thank-you screen. `survey.completed` gets its `ms` from the caller, who knows the clock.
 */
export function walkFlow(score: number, rand: () => number): FlowStep[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const steps: FlowStep[] = []
  let answered = 0
  const answer = (question: string, index: number, survey: string, props: Record<string, unknown>) => {
    answered++
    steps.push({ type: 'survey.answered', props: { survey, question, index, ...props } })
  }
  const stop = (question: string, index: number) => {
    steps.push({ type: 'survey.abandoned', props: { question, index, answered } })
    return steps
  }
  if (rand() < 0.12) return [{ type: 'campaign.dismissed', props: {} }]
  answer('rec', 0, 'nps', { score, scale: 10 })
  if (score <= 6) {
    const r = rand()
    if (r < 0.15) return stop('wrong', 3)
    if (r < 0.8) answer('wrong', 3, 'text', { comment: pick(WRONG) })
  } else {
    if (rand() < 0.2) return stop('found', 1)
    const choice = pick(FOUND)
    answer('found', 1, 'single', choice === 'other' ? { choice, other: 'A market stall' } : { choice })
    const r = rand()
    if (r < 0.25) return stop('next-product', 2)
    if (r < 0.7) answer('next-product', 2, 'text', { comment: pick(NEXT) })
  }
  steps.push({ type: 'survey.completed', props: { answered } })
  return steps
}
