import type { Queryable } from '../db'
import { margin95, percent } from './stats'
import type { CsatSection, ReportParams } from './types'

/**
 * Maps a score on a 3-, 5- or 7-point scale linearly onto 1…5 and rounds it: 3-point → 1, 3, 5;
 * 7-point → 1, 2, 2, 3, 4, 4, 5. "Satisfied" (4–5) is then always "above the scale's midpoint".
 */
export function toFivePoint(score: number, scale: number): number {
  return Math.round(1 + ((score - 1) * 4) / (scale - 1))
}

/**
 * CSAT of the period: % of answers that are satisfied (4–5 on the 5-point scale, see
 * `toFivePoint` for other scales). Each interaction counts once: the widget sends the score at
 * once and again with the comment, so the latest answer per visitor, session and campaign is
 * the one counted. `margin95` is the Wald half-width of that proportion.
 */
export async function csatReport(db: Queryable, { site, from, to }: ReportParams): Promise<CsatSection> {
  const { rows } = await db.query<{ score: number; scale: number; n: number }>(
    `select score, scale, count(*) as n from (
       select distinct on (visitor_id, session_id, coalesce(campaign_id, ''))
              (props->>'score')::int as score, coalesce((props->>'scale')::int, 5) as scale
       from events
       where site = $1 and type = 'survey.answered' and props->>'survey' = 'csat'
         and jsonb_typeof(props->'score') = 'number' and ts >= $2 and ts < $3
       order by visitor_id, session_id, coalesce(campaign_id, ''), ts desc, id desc
     ) latest
     group by 1, 2`,
    [site, from, to],
  )
  const distribution = [0, 0, 0, 0, 0]
  for (const { score, scale, n } of rows) {
    if (![3, 5, 7].includes(scale) || score < 1 || score > scale) continue
    distribution[toFivePoint(score, scale) - 1]! += n
  }
  const responses = distribution.reduce((a, b) => a + b, 0)
  const satisfied = distribution[3]! + distribution[4]!
  return {
    score: percent(satisfied, responses),
    responses,
    satisfied,
    margin95: margin95(responses, satisfied, satisfied),
    distribution,
  }
}
