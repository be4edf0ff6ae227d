import type { Queryable } from '../db'
import { percent } from './stats'
import type { FlowQuestionRow, FlowRow, ReportParams } from './types'

// Answers of flow questions (they carry `question`): one per visitor, campaign and question,
// the latest (ties broken by id so the result does not depend on the plan).
const ANSWERS = `
  select distinct on (campaign_id, visitor_id, props->>'question')
         campaign_id, visitor_id, props->>'question' as question, props->>'survey' as type,
         case when props->>'index' ~ '^[0-9]{1,2}$' then (props->>'index')::int end as idx, props, ts
  from events
  where site = $1 and type = 'survey.answered' and props->>'question' is not null
    and campaign_id is not null and ts >= $2 and ts < $3
  order by campaign_id, visitor_id, props->>'question', ts desc, id desc`

// Visitors who reached a flow's end in the period.
const DONE = `select distinct campaign_id, visitor_id from events
  where site = $1 and type = 'survey.completed' and campaign_id is not null and ts >= $2 and ts < $3`

/**
 * Each multi-question survey: visitors shown, started (one answer or more), completed, the
 * median time to complete, and per question the answers, the mean score and the drop-off —
 * visitors whose last answer it was and who never reached the end. Drop-off is read from the
 * answers themselves, so a visitor who just left the page counts as much as one who closed the
 * survey (`survey.abandoned`, counted apart as `closedHere`).
 */
export async function flowsReport(db: Queryable, { site, from, to }: ReportParams): Promise<FlowRow[]> {
  const params = [site, from, to]
  const questions = await db.query<{
    campaign_id: string
    question: string
    idx: number | null
    type: string
    answered: number
    stopped: number
    mean: number | null
  }>(
    `with a as (${ANSWERS}),
     last as (select distinct on (campaign_id, visitor_id) campaign_id, visitor_id, question
              from a order by campaign_id, visitor_id, ts desc, question),
     done as (${DONE})
     select a.campaign_id, a.question, min(a.idx) as idx, max(a.type) as type, count(*) as answered,
            count(*) filter (where l.question = a.question and d.visitor_id is null) as stopped,
            avg(case when jsonb_typeof(a.props->'score') = 'number' then (a.props->>'score')::float8 end) as mean
     from a join last l using (campaign_id, visitor_id) left join done d using (campaign_id, visitor_id)
     group by a.campaign_id, a.question order by a.campaign_id, min(a.idx), a.question`,
    params,
  )
  if (!questions.rows.length) return []
  const values = await db.query<{ campaign_id: string; question: string; value: string; n: number }>(
    `with a as (${ANSWERS})
     select campaign_id, question, value, count(*) as n from (
       select campaign_id, question, coalesce(
         case when jsonb_typeof(props->'score') = 'number' then props->>'score' end,
         case when jsonb_typeof(props->'choice') = 'string' then props->>'choice' end) as value
       from a where type <> 'multi'
       union all
       select campaign_id, question, jsonb_array_elements_text(props->'choices')
       from a where type = 'multi' and jsonb_typeof(props->'choices') = 'array'
     ) v where value is not null group by 1, 2, 3 order by n desc, value`,
    params,
  )
  const closed = await db.query<{ campaign_id: string; question: string; n: number }>(
    `select campaign_id, props->>'question' as question, count(distinct visitor_id) as n from events
     where site = $1 and type = 'survey.abandoned' and campaign_id is not null and ts >= $2 and ts < $3
     group by 1, 2`,
    params,
  )
  const flows = await db.query<{
    campaign_id: string
    shown: number
    started: number
    completed: number
    median: number | null
  }>(
    `with a as (${ANSWERS}), started as (select campaign_id, count(distinct visitor_id) as n from a group by 1)
     select s.campaign_id, s.n as started,
       (select count(distinct visitor_id) from events e where e.site = $1 and e.type = 'campaign.shown'
          and e.campaign_id = s.campaign_id and e.ts >= $2 and e.ts < $3) as shown,
       (select count(*) from (${DONE}) d where d.campaign_id = s.campaign_id) as completed,
       (select percentile_cont(0.5) within group (order by (e.props->>'ms')::float8) from events e
          where e.site = $1 and e.type = 'survey.completed' and e.campaign_id = s.campaign_id
            and jsonb_typeof(e.props->'ms') = 'number' and e.ts >= $2 and e.ts < $3) as median
     from started s order by s.campaign_id`,
    params,
  )
  const key = (c: string, q: string) => `${c}\u0000${q}`
  const answers = new Map<string, FlowQuestionRow['answers']>()
  for (const v of values.rows) {
    const k = key(v.campaign_id, v.question)
    answers.set(k, [...(answers.get(k) ?? []), { value: v.value, n: v.n }])
  }
  const closedAt = new Map(closed.rows.map((r) => [key(r.campaign_id, r.question), r.n]))
  return flows.rows.map((f) => ({
    campaignId: f.campaign_id,
    shown: f.shown,
    started: f.started,
    completed: f.completed,
    completionRate: percent(f.completed, f.shown),
    medianSeconds: f.median === null ? null : Math.round(f.median / 100) / 10,
    questions: questions.rows
      .filter((q) => q.campaign_id === f.campaign_id)
      .map((q) => ({
        question: q.question,
        index: q.idx ?? -1,
        type: q.type,
        answered: q.answered,
        stoppedAfter: q.stopped,
        dropOff: percent(q.stopped, q.answered),
        closedHere: closedAt.get(key(q.campaign_id, q.question)) ?? 0,
        mean: q.mean === null ? null : Math.round(q.mean * 100) / 100,
        answers: answers.get(key(q.campaign_id, q.question)) ?? [],
      })),
  }))
}
