import type { NpsCampaign } from '@linger/core/types'
import { Survey } from '../survey/Survey'
import type { SurveyState } from '../survey/state'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'
import { npsGroup } from './npsGroup'

/** NPS: 0–10 with end labels; the follow-up question for the score's group asks for a comment. */
export function Nps({ c }: { c: Ctx<NpsCampaign, SurveyState> }) {
  const k = c.campaign
  return (
    <Survey
      c={c}
      survey="nps"
      question={k.question}
      min={0}
      max={10}
      cls=""
      glyph={String}
      ask={(n) => k.followUp?.[npsGroup(n)]}
      low={k.lowLabel ?? c.s(K.low)}
      high={k.highLabel ?? c.s(K.high)}
      thanks={k.thanks}
    />
  )
}
