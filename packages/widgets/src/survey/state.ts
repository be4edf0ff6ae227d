/** A survey's state (see `Survey`). */
export interface SurveyState {
  score: number | null
  /** Thank-you step. */
  done?: boolean
}
