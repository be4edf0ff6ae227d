import type { Campaign, Text } from '@linger/core/types'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { Frame } from '../ui/Frame'
import { focusSelf } from '../ui/focusSelf'
import { Scale } from './Scale'
import type { SurveyState } from './state'

/**
 * The flow NPS and CSAT share: question, scale, then (when `ask(score)` gives a prompt) an
 * optional comment, then thanks. The score is tracked as `survey.answered` the moment it is
 * chosen (again if changed); a non-empty comment follows as a second event with the same
 * score. `scale` is the highest score (10 for NPS). Closing before a score is `dismissed`,
 * after it `completed`.
 */
export function Survey(props: {
  c: Ctx<Campaign, SurveyState>
  survey: 'nps' | 'csat'
  question: Text
  min: number
  max: number
  cls: string
  glyph(n: number, score: number | null): string
  name?(n: number): string
  ask(score: number): Text | undefined
  low?: Text
  high?: Text
  thanks?: Text
}) {
  const { c, survey, max } = props
  const { score, done } = c.v
  const answer = (n: number, extra?: object) =>
    c.host.track('survey.answered', { survey, score: n, scale: max, ...extra })
  const pick = (n: number) => {
    answer(n)
    c.set({ score: n, done: !props.ask(n) })
  }
  const send = (e: Event) => {
    e.preventDefault()
    const comment = (e.currentTarget as HTMLFormElement).querySelector('textarea')!.value.trim()
    if (comment) answer(score!, { comment })
    c.set({ done: true })
  }
  const prompt = score !== null && props.ask(score)
  return (
    <Frame c={c} onClose={() => c.close(score === null ? 'dismissed' : 'completed')}>
      {done ? (
        <h2 id="t" tabIndex={-1} ref={focusSelf}>
          {c.t(props.thanks) || c.s(K.thanks)}
        </h2>
      ) : (
        <>
          <h2 id="t">{c.t(props.question)}</h2>
          <Scale
            min={props.min}
            max={max}
            value={score}
            rtl={c.dir === 'rtl'}
            cls={props.cls}
            glyph={(n) => props.glyph(n, score)}
            name={props.name}
            onPick={pick}
          />
          {(props.low || props.high) && (
            <div class="ends">
              <span>{c.t(props.low)}</span>
              <span>{c.t(props.high)}</span>
            </div>
          )}
          {prompt && (
            <form onSubmit={send}>
              <label for="m">{c.t(prompt)}</label>
              <textarea id="m" />
              <button type="submit" class="cta">
                {c.s(K.send)}
              </button>
            </form>
          )}
        </>
      )}
    </Frame>
  )
}
