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
export type CampaignKind = 'popup' | 'nps' | 'csat' | 'push'

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
  /** (conversionRate − held-out goal rate) / held-out goal rate × 100 (CONTRACT). */
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
  campaigns: CampaignRow[]
  push: PushSection
  carts: CartsSection
  delivery: DeliverySection
  retention?: RetentionReport
}
