import type { Question } from '@linger/core/types'

/** A survey flow's state (see `Flow`). */
export interface FlowState {
  /** Index of the question on screen; -1 is the thank-you screen. */
  at: number
  /** Questions answered so far (a skipped open question doesn't count). */
  answered: number
  /** When the flow was shown, for `survey.completed`'s `ms`. */
  started: number
  /** Each choice question's choices in the order shown (shuffled once, when `shuffle`). */
  order: Record<string, Extract<Question, { choices: unknown }>['choices']>
  /** "Other" is ticked on the current choice question: its text field shows. */
  other?: boolean
  /** `display: "tab"`: only the feedback tab shows until the visitor opens the survey. */
  tab?: boolean
  /** The visitor pressed Next without a choice. */
  empty?: boolean
}
