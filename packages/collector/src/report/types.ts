import type { RetentionReport } from './retention/types'

/** Query of `GET /v1/report`: `from`/`to` as ISO strings (period `[from, to)`), plus the optional parameters (checked by `reportQuery`). */
export interface ReportParams {
  site: string
  from: string
  to: string
  /** Days after a held-out event in which a purchase counts as the goal (default 5). */
  attributionDays?: string
  [name: string]: string | undefined
}

export interface NpsTrendPoint {
  /** Monday of the ISO week, `YYYY-MM-DD` (UTC). */
  week: string
  responses: number
  score: number | null
}

export interface NpsSection {
  score: number | null
  responses: number
  promoters: number
  passives: number
  detractors: number
  margin95: number | null
  /** Counts of scores 0…10. */
  distribution: number[]
  trend: NpsTrendPoint[]
}

export interface CsatSection {
  score: number | null
  responses: number
  satisfied: number
  margin95: number | null
  /** Counts of 1…5 (3- and 7-point answers mapped onto 1…5). */
  distribution: number[]
}

/** What a campaign shows; each kind has its own outcome (conversion, answer, subscription). */
export type CampaignKind = 'popup' | 'nps' | 'csat' | 'survey' | 'push'

export interface CampaignRow {
  id: string
  kind: CampaignKind
  variant: string | null
  shown: number
  dismissed: number
  converted: number
  conversionRate: number | null
  ci95: [number, number] | null
  heldOut: number
  heldOutConverted: number
  /** (conversionRate − held-out goal rate) / held-out goal rate × 100 (docs/contract.md). */
  lift: number | null
  /** Shown visitors who bought within the attribution window after first being shown. */
  purchased: number
  /** Like `lift`, but purchases on both sides: (purchased/shown − held-out rate) / held-out rate × 100. */
  purchaseLift: number | null
  /** Surveys: shown visitors who answered (response rate = answered / shown). */
  answered: number
  /** Push: shown visitors who subscribed (opt-in rate = subscribed / shown). */
  subscribed: number
}

export interface PushSection {
  prompted: number
  subscribed: number
  denied: number
  optInRate: number | null
}

export interface CartsSection {
  abandoned: number
  recovered: number
  recoveredValue: number
  /** An ISO 4217 code, or null. */
  currency: string | null
  /** Recovered orders in currencies that are not ISO 4217 codes, as sent (trimmed, upper case). */
  unknownCurrencies: Array<{ currency: string; recovered: number; value: number }>
}

export interface DeliverySection {
  /**
   * Events devices reported dropping (queue caps, oversized, unreadable, storage full) in the
   * batches received in the period: data the other figures lack. An upper bound: a re-packed
   * batch sent again is counted again.
   */
  droppedOnDevices: number
}

export interface Report {
  site: string
  from: string
  to: string
  nps: NpsSection
  csat: CsatSection
  /** Multi-question surveys (`kind: "survey"`), one row per campaign with answers in the period. */
  surveys: FlowRow[]
  campaigns: CampaignRow[]
  push: PushSection
  carts: CartsSection
  delivery: DeliverySection
  retention?: RetentionReport
}

/** One question of a survey flow, in the report. */
export interface FlowQuestionRow {
  /** The question's id and its place in the survey's `questions` (from 0). */
  question: string
  index: number
  /** `nps`, `csat`, `ces`, `single`, `multi` or `text`. */
  type: string
  /** Visitors who answered it (one answer per visitor: the latest). */
  answered: number
  /** Of those, visitors for whom it was the last answer and who never reached the end: the drop-off after it. */
  stoppedAfter: number
  /** `stoppedAfter` ÷ `answered`, in %. */
  dropOff: number | null
  /** Visitors who closed the survey on this question without answering it (`survey.abandoned`). */
  closedHere: number
  /** Mean score (nps, csat, ces), else null. */
  mean: number | null
  /** Answers by value: scores, choice ids (`other` too); none for open text. Largest first. */
  answers: Array<{ value: string; n: number }>
}

/** A `survey` campaign (a multi-question flow): reach, completion, time, and each question. */
export interface FlowRow {
  campaignId: string
  /** Visitors it was shown to, visitors who answered at least one question, visitors who reached the end. */
  shown: number
  started: number
  completed: number
  /** `completed` ÷ `shown`, in %. */
  completionRate: number | null
  /** Median seconds from showing to the end, of the visitors who completed. */
  medianSeconds: number | null
  questions: FlowQuestionRow[]
}
