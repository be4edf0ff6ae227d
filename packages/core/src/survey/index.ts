// @linger/core/survey: the rules a survey flow follows, shared by the validator and the widgets.
export { END, nextQuestion } from './nextQuestion'
export { type NpsGroup, npsGroup } from './npsGroup'
