import type { Question, SurveyCampaign } from '@linger/core/types'
import type { Ctx } from '../ui/ctx'
import type { FlowState } from './state'

/**
 * What a question view gets: the question, its index, the flow's context, the flow's own UI
 * strings, and `answer`: the answer's event props (none: skipped) and the keys `next` branches
 * on, most specific first.
 */
export interface AskProps<Q extends Question = Question> {
  c: Ctx<SurveyCampaign, FlowState>
  q: Q
  /** The flow's own UI strings (`flowStrings.ts`). */
  f(key: number): string
  /** Label of the submit button: Next, or Send on the last question. */
  submit: string
  answer(props: Record<string, unknown> | undefined, keys?: string[]): void
}
