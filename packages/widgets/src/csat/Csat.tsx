import type { CsatCampaign } from '@linger/core/types'
import { Survey } from '../survey/Survey'
import type { SurveyState } from '../survey/state'
import * as K from '../text/keys'
import type { Ctx } from '../ui/ctx'

// One code point per face, worst to best, per scale (Unicode 6 faces: widest font support).
const faces: Record<number, string> = { 3: '😕😐😊', 5: '😞😕😐😊😄', 7: '😫😞😕😐😊😃😄' }

/** CSAT: 1–3, 1–5 or 1–7 as stars, faces or numbers; `comment` asks for one after the score. */
export function Csat({ c }: { c: Ctx<CsatCampaign, SurveyState> }) {
  const k = c.campaign
  const max = k.scale || 5
  const style = k.style || 'stars'
  const face = [...(faces[max] || '')]
  return (
    <Survey
      c={c}
      survey="csat"
      question={k.question}
      min={1}
      max={max}
      cls={style === 'stars' ? 'st' : style === 'faces' ? 'fa' : ''}
      glyph={(n, score) =>
        style === 'stars'
          ? n <= (score ?? 0)
            ? '★'
            : '☆'
          : style === 'faces'
            ? face[n - 1] || String(n)
            : String(n)
      }
      name={style === 'numbers' ? undefined : (n) => `${n} ${c.s(K.of)} ${max}`}
      ask={() => (k.comment === true ? c.s(K.comment) : k.comment || undefined)}
      thanks={k.thanks}
    />
  )
}
