import type { Queryable } from '../db'
import { REPORT_LIMITS } from './reportLimits'
import { percent, wilson95 } from './stats'
import type { CampaignKind, CampaignRow, ReportParams } from './types'

// Counts are visitors, not events: a visitor shown a campaign three times is one trial, so
// `converted / shown` is a proportion and its Wilson interval is valid. Dismissed and
// converted only count visitors who were shown that campaign and variant in the period.
const ARMS = `
  select campaign_id as id, variant, count(*) as shown,
    count(*) filter (where dismissed) as dismissed, count(*) filter (where converted) as converted,
    count(*) filter (where answered) as answered, count(*) filter (where subscribed) as subscribed,
    max(kind) as kind, max(survey) as survey, bool_or(pushed) as pushed,
    count(*) filter (where exists (select 1 from events e where e.site = $1 and e.type = 'purchase'
      and e.visitor_id = v.visitor_id and e.ts >= v.shown_at
      and e.ts < v.shown_at + make_interval(days => $4::int))) as purchased
  from (
    select campaign_id, coalesce(variant, '') as variant, visitor_id,
      min(ts) filter (where type = 'campaign.shown') as shown_at,
      bool_or(type = 'campaign.dismissed') as dismissed, bool_or(type = 'campaign.converted') as converted,
      bool_or(type = 'survey.answered') as answered, bool_or(type = 'push.subscribed') as subscribed,
      max(props->>'kind') filter (where type = 'campaign.shown') as kind,
      max(props->>'survey') filter (where type = 'survey.answered') as survey,
      bool_or(type like 'push.%') as pushed
    from events
    where site = $1 and ts >= $2 and ts < $3 and campaign_id is not null
      and type in ('campaign.shown', 'campaign.dismissed', 'campaign.converted', 'survey.answered',
        'push.prompted', 'push.subscribed', 'push.denied')
    group by 1, 2, 3
  ) v
  where shown_at is not null group by 1, 2`

// A held-out visitor "converts" when they buy: a `purchase` within `attributionDays` after
// their first `campaign.held-out` event for that campaign in the period. Shown visitors get the
// same test from their first `campaign.shown` (`purchased`), so `purchaseLift` compares like
// with like, while `lift` follows the contract (conversion rate vs the held-out goal rate).
const HELD_OUT = `
  with held as (
    select campaign_id, coalesce(variant, '') as variant, visitor_id, min(ts) as ts, max(props->>'kind') as kind
    from events
    where site = $1 and ts >= $2 and ts < $3 and campaign_id is not null and type = 'campaign.held-out'
    group by 1, 2, 3
  )
  select h.campaign_id as id, h.variant, count(*) as held_out, max(h.kind) as kind,
    count(*) filter (where exists (select 1 from events e where e.site = $1 and e.type = 'purchase'
      and e.visitor_id = h.visitor_id and e.ts >= h.ts and e.ts < h.ts + make_interval(days => $4::int))) as converted
  from held h group by 1, 2`

const KINDS: ReadonlyArray<CampaignKind> = ['popup', 'nps', 'csat', 'survey', 'push']

/**
 * A campaign's kind: what the SDK put in `campaign.shown` (or `campaign.held-out`), else what its
 * events show (survey answers, push events), else a pop-up. Events from before the SDK sent it
 * still classify.
 */
function kindOf(evidence: Array<{ kind: string | null; survey?: string | null; pushed?: boolean }>) {
  const said = evidence.map((e) => e.kind).find((k) => KINDS.includes(k as CampaignKind))
  const survey = evidence.map((e) => e.survey).find((k) => k === 'nps' || k === 'csat')
  return (said ?? survey ?? (evidence.some((e) => e.pushed) ? 'push' : 'popup')) as CampaignKind
}

/**
 * Per campaign and variant: its kind, visitors shown, dismissed, converted, the conversion rate
 * with its Wilson 95% interval, the hold-out group and lift = (cr − heldOutCr) / heldOutCr × 100;
 * for surveys the visitors who answered, for push those who subscribed. Hold-out events without
 * a variant form the campaign's control for every variant.
 */
export async function campaignsReport(db: Queryable, params: ReportParams): Promise<CampaignRow[]> {
  const { min, max, default: fallback } = REPORT_LIMITS.attributionDays
  const days = Math.min(max, Math.max(min, Math.trunc(Number(params.attributionDays ?? fallback)) || 0))
  const args = [params.site, params.from, params.to, days]
  type Arm = {
    id: string
    variant: string
    shown: number
    dismissed: number
    converted: number
    answered: number
    subscribed: number
    purchased: number
    kind: string | null
    survey: string | null
    pushed: boolean
  }
  const arms = await db.query<Arm>(ARMS, args)
  type Held = { id: string; variant: string; held_out: number; converted: number; kind: string | null }
  const held = await db.query<Held>(HELD_OUT, args)
  const kind = (id: string) =>
    kindOf([...arms.rows.filter((a) => a.id === id), ...held.rows.filter((h) => h.id === id)])
  const control = new Map(held.rows.map((h) => [`${h.id}\u0000${h.variant}`, h]))
  const liftOver = (rate: number | null, base: number | null) =>
    rate !== null && base ? ((rate - base) / base) * 100 : null
  const rows = arms.rows.map((a): CampaignRow => {
    const h = control.get(`${a.id}\u0000${a.variant}`) ?? control.get(`${a.id}\u0000`)
    const cr = percent(a.converted, a.shown)
    const heldCr = h ? percent(h.converted, h.held_out) : null
    return {
      ...{
        id: a.id,
        kind: kind(a.id),
        variant: a.variant || null,
        shown: a.shown,
        dismissed: a.dismissed,
        converted: a.converted,
      },
      ...{ conversionRate: cr, ci95: wilson95(a.converted, a.shown) },
      ...{ heldOut: h?.held_out ?? 0, heldOutConverted: h?.converted ?? 0, lift: liftOver(cr, heldCr) },
      ...{ purchased: a.purchased, purchaseLift: liftOver(percent(a.purchased, a.shown), heldCr) },
      ...{ answered: a.answered, subscribed: a.subscribed },
    }
  })
  // A campaign whose qualifying visitors were all held out still gets a row.
  for (const h of held.rows) {
    if (rows.some((r) => r.id === h.id)) continue
    rows.push({
      ...{ id: h.id, kind: kind(h.id), variant: h.variant || null, shown: 0, dismissed: 0, converted: 0 },
      ...{ conversionRate: null, ci95: null, heldOut: h.held_out, heldOutConverted: h.converted, lift: null },
      ...{ purchased: 0, purchaseLift: null, answered: 0, subscribed: 0 },
    })
  }
  return rows.sort((x, y) => x.id.localeCompare(y.id) || (x.variant ?? '').localeCompare(y.variant ?? ''))
}
