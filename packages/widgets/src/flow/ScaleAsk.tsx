import { npsGroup } from '@linger/core/survey'
import type { Question } from '@linger/core/types'
import { csatGlyph } from '../csat/csatGlyph'
import { Scale } from '../survey/Scale'
import * as K from '../text/keys'
import * as F from './flowStrings'
import type { AskProps } from './types'

/**
 * NPS (0–10), CSAT (3/5/7 as stars, faces or numbers) and CES (1–7): a radio group whose
 * choice answers at once (arrows only move, as in the NPS and CSAT widgets). NPS branches on
 * the score, then its group; CSAT and CES on the score.
 */
export function ScaleAsk({ c, q, f, answer }: AskProps<Extract<Question, { type: 'nps' | 'csat' | 'ces' }>>) {
  const nps = q.type === 'nps'
  const max = q.type === 'csat' ? q.scale || 5 : nps ? 10 : 7
  const style = q.type === 'csat' ? q.style || 'stars' : 'numbers'
  const low = q.type === 'csat' ? undefined : (q.lowLabel ?? (nps ? c.s(K.low) : f(F.hard)))
  const high = q.type === 'csat' ? undefined : (q.highLabel ?? (nps ? c.s(K.high) : f(F.easy)))
  const pick = (n: number) => answer({ score: n, scale: max }, nps ? [String(n), npsGroup(n)] : [String(n)])
  return (
    <>
      <Scale
        min={nps ? 0 : 1}
        max={max}
        value={null}
        rtl={c.dir === 'rtl'}
        cls={style === 'stars' ? 'st' : style === 'faces' ? 'fa' : ''}
        glyph={(n) => csatGlyph(style, max)(n, null)}
        name={style === 'numbers' ? undefined : (n) => `${n} ${c.s(K.of)} ${max}`}
        onPick={pick}
      />
      {low !== undefined && (
        <div class="ends">
          <span>{c.t(low)}</span>
          <span>{c.t(high)}</span>
        </div>
      )}
    </>
  )
}
