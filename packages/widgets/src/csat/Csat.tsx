import type { CsatCampaign } from '@linger/core/types'
import { Survey } from '../survey/Survey'
import type { SurveyState } from '../survey/state'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { csatGlyph } from './csatGlyph'

/** CSAT: 1–3, 1–5 or 1–7 as stars, faces or numbers; `comment` asks for one after the score. */
export function Csat({ c }: { c: Ctx<CsatCampaign, SurveyState> }) {
  const k = c.campaign
  const max = k.scale || 5
  const style = k.style || 'stars'
  return (
    <Survey
      c={c}
      survey="csat"
      question={k.question}
      min={1}
      max={max}
      cls={style === 'stars' ? 'st' : style === 'faces' ? 'fa' : ''}
      glyph={csatGlyph(style, max)}
      name={style === 'numbers' ? undefined : (n) => `${n} ${c.s(K.of)} ${max}`}
      ask={() => (k.comment === true ? c.s(K.comment) : k.comment || undefined)}
      thanks={k.thanks}
    />
  )
}
