import type { Queryable } from '../db'
import { margin95, percent } from './stats'
import type { NpsSection, NpsTrendPoint, ReportParams } from './types'

// One answer per visitor and campaign: the latest in the period (ties broken by id so the
// result does not depend on the plan). `bucket` groups the trend by ISO week.
const latestAnswers = (bucket: string) => `
  select distinct on (${bucket}, visitor_id, coalesce(campaign_id, ''))
         ${bucket} as bucket, (props->>'score')::int as score
  from events
  where site = $1 and type = 'survey.answered' and props->>'survey' = 'nps'
    and jsonb_typeof(props->'score') = 'number' and ts >= $2 and ts < $3
  order by ${bucket}, visitor_id, coalesce(campaign_id, ''), ts desc, id desc`

interface Tally {
  n: number
  promoters: number
  detractors: number
}

const npsOf = ({ n, promoters, detractors }: Tally) => {
  const p = percent(promoters, n)
  const d = percent(detractors, n)
  return p === null || d === null ? null : p - d
}

/**
 * NPS of the period: one answer per visitor and campaign (the latest), 9–10 promoters, 0–6
 * detractors, score = % promoters − % detractors, `margin95` from the variance of the
 * +1/0/−1 variable; plus the same per ISO week (each week deduplicated on its own).
 */
export async function npsReport(db: Queryable, { site, from, to }: ReportParams): Promise<NpsSection> {
  const params = [site, from, to]
  const overall = await db.query<{ score: number; n: number }>(
    `select score, count(*) as n from (${latestAnswers('null::timestamptz')}) a group by score`,
    params,
  )
  const distribution = Array.from({ length: 11 }, () => 0)
  for (const { score, n } of overall.rows) if (score >= 0 && score <= 10) distribution[score] = n
  const count = (lo: number, hi: number) => distribution.slice(lo, hi + 1).reduce((a, b) => a + b, 0)
  const tally = { n: count(0, 10), promoters: count(9, 10), detractors: count(0, 6) }

  const weekly = await db.query<{ week: string; n: number; promoters: number; detractors: number }>(
    `select to_char(bucket, 'YYYY-MM-DD') as week, count(*) as n,
            count(*) filter (where score >= 9) as promoters, count(*) filter (where score <= 6) as detractors
     from (${latestAnswers("date_trunc('week', ts)")}) a
     where score between 0 and 10 group by bucket order by bucket`,
    params,
  )
  const trend: NpsTrendPoint[] = weekly.rows.map((w) => ({ week: w.week, responses: w.n, score: npsOf(w) }))

  return {
    score: npsOf(tally),
    responses: tally.n,
    promoters: tally.promoters,
    passives: tally.n - tally.promoters - tally.detractors,
    detractors: tally.detractors,
    // X = +1 promoter, −1 detractor: ΣX = P − D and ΣX² = P + D.
    margin95: margin95(tally.n, tally.promoters - tally.detractors, tally.promoters + tally.detractors),
    distribution,
    trend,
  }
}
