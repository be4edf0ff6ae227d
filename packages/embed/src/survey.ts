// linger-survey.js: the lazy chunk with preact and the multi-question survey flow (`kind:
// "survey"`), apart from linger-widgets.js so the widgets every page needs keep their budget.
export { mountFlow } from '@linger/widgets/flow'
