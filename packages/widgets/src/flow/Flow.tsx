import { nextQuestion } from '@linger/core/survey'
import type { SurveyCampaign } from '@linger/core/types'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { Frame } from '../ui/Frame'
import { focusSelf } from '../ui/focusSelf'
import { ChoiceAsk } from './ChoiceAsk'
import * as F from './flowStrings'
import { flowString } from './flowStrings'
import { ScaleAsk } from './ScaleAsk'
import type { FlowState } from './state'
import { TextAsk } from './TextAsk'
import type { AskProps } from './types'

const views = {
  nps: ScaleAsk,
  csat: ScaleAsk,
  ces: ScaleAsk,
  single: ChoiceAsk,
  multi: ChoiceAsk,
  text: TextAsk,
}

/**
 * A multi-question survey: one question at a time, where its `next` says by the answer, then
 * the thank-you screen. Each answer is a `survey.answered` event at once (`survey` = the
 * question's type, `question` its id, `index` its place in `questions`), so a visitor who stops
 * half-way still counts for the questions they answered; reaching the end is `survey.completed`
 * (`answered`, `ms`), closing after an answer but before the end `survey.abandoned`
 * (`question`, `index`, `answered`). After a step, focus goes to the new heading, so a
 * keyboard user carries on from there.
 */
export function Flow({ c }: { c: Ctx<SurveyCampaign, FlowState> }) {
  const k = c.campaign
  const { at, answered } = c.v
  const q = k.questions[at]
  const f = flowString(c.host.locale || 'en')
  const answer: AskProps['answer'] = (props, keys = []) => {
    const n = answered + (props ? 1 : 0)
    if (props) c.host.track('survey.answered', { survey: q!.type, question: q!.id, index: at, ...props })
    const to = nextQuestion(k.questions, at, keys)
    if (to < 0) c.host.track('survey.completed', { answered: n, ms: Date.now() - c.v.started })
    c.set({ at: to, answered: n, other: false, empty: false })
  }
  const close = () => {
    if (q && answered) c.host.track('survey.abandoned', { question: q.id, index: at, answered })
    c.close(answered ? 'completed' : 'dismissed')
  }
  // Focus follows a step (not the first question: an automatic survey must not take focus).
  const heading = answered || at ? focusSelf : undefined
  const View = q && (views[q.type] as (p: AskProps) => preact.JSX.Element)
  if (c.v.tab) {
    const label = c.t(k.tab) || f(F.feedback)
    return (
      <div class={`w ${c.cls}`} dir={c.dir} style={c.style}>
        <section class="ts" aria-label={label}>
          <button type="button" class="cta" aria-haspopup="dialog" onClick={() => c.set({ tab: false })}>
            {label}
          </button>
        </section>
      </div>
    )
  }
  return (
    // Opened from the feedback tab, focus moves into the survey: the visitor asked for it.
    <Frame c={c} onClose={close} focus={c.campaign.display === 'tab' && !answered}>
      {q && View ? (
        <div key={at}>
          <h2 id="t" tabIndex={-1} ref={heading}>
            {c.t(q.question)}
          </h2>
          <View
            c={c}
            q={q}
            f={f}
            answer={answer}
            submit={at === k.questions.length - 1 ? c.s(K.send) : f(F.next)}
          />
        </div>
      ) : (
        <div key="end">
          <h2 id="t" tabIndex={-1} ref={heading}>
            {c.t(k.thanks?.title) || c.s(K.thanks)}
          </h2>
          {k.thanks?.body && <p>{c.t(k.thanks.body)}</p>}
        </div>
      )}
    </Frame>
  )
}
