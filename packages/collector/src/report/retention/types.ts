import type { Difference } from '../stats'

/** Query parameters of the retention section; see docs/contract.md → Collector → report → retention. */
export interface RetentionParams {
  site: string
  /** Start of the period, inclusive: an ISO instant, or a local date/time read in `timeZone`. */
  from: string
  /** End of the period, exclusive; same forms as `from`. */
  to: string
  /** A customer is active at t when they ordered in the `activeDays` days before t (default 90). */
  activeDays?: number
  /** IANA zone for periods, month boundaries and cohorts (default `UTC`). */
  timeZone?: string
  /** Report money in this currency (default: the currency of most orders). */
  currency?: string
  /** Acquisition cost per customer, subtracted from `ltv` and `projectedLtv`. */
  costPerCustomer?: number
}

/** One order (a `purchase`, counted once per `orderId`) with the customer it belongs to. */
export interface Order {
  /** `u:<userId>` or `v:<visitorId>`. */
  customer: string
  /** Epoch ms. */
  ts: number
  /** Local month of the order in the report's zone, `YYYY-MM`. */
  month: string
  value: number
  currency: string | null
}

/** A half-open interval of epoch ms, and the start of the activity window before each end. */
export interface Span {
  label: string
  start: number
  end: number
  /** `start` minus `activeDays` local calendar days. */
  startLookback: number
  endLookback: number
}

export interface Activity {
  customersStart: number
  customersNew: number
  customersEnd: number
  lost: number
  crr: number | null
  churn: number | null
}

export interface TrendPoint extends Activity {
  /** Local month `YYYY-MM`; `from`/`to` are its part inside the report period. */
  month: string
  from: string
  to: string
}

export interface Cohort {
  /** Local month of the first order, `YYYY-MM`. */
  cohort: string
  customers: number
  /** `retained[k]` = % of the cohort who ordered in month k after it; `retained[0]` = 100. */
  retained: number[]
}

export interface CurrencyTotals {
  currency: string | null
  orders: number
  revenue: number
  customers: number
}

export interface GroupOutcome {
  visitors: number
  /** Visitors who, after their first exposure (or hold-out), placed an order that was at least their second. */
  repeaters: number
  repeatRate: number | null
  /** Revenue (report currency) of orders at or after the first exposure, before `to`. */
  revenue: number
  revenuePerVisitor: number | null
}

export interface CampaignSegment {
  campaign: string
  exposed: GroupOutcome
  heldOut: GroupOutcome
  /** Exposed − held-out, percentage points; normal approximation. */
  repeatRateDiff: Difference
  /** Exposed − held-out, currency per visitor; Welch interval. */
  revenuePerVisitorDiff: Difference
}

export interface CustomerGroup {
  customers: number
  repeatRate: number | null
  revenue: number
  revenuePerCustomer: number | null
}

export interface NpsSegment extends CustomerGroup {
  group: 'promoters' | 'passives' | 'detractors'
}

export interface EmailSegments {
  withEmail: CustomerGroup
  /** Customers known by user id whose identify never carried an email. */
  identifiedWithoutEmail: CustomerGroup
  /** Customers known only by visitor id. */
  anonymous: CustomerGroup
  /** `withEmail.revenuePerCustomer / anonymous.revenuePerCustomer`. */
  ltvRatio: number | null
}

export interface Projection {
  /** Orders in the period per active customer ((S + E) / 2) per month. */
  ordersPerCustomerPerMonth: number | null
  /** The period's churn as a monthly rate, %. */
  monthlyChurn: number | null
  /** 1 / monthly churn. */
  expectedLifetimeMonths: number | null
}

/** `report.retention`. Rates are % 0–100, unrounded; money in `currency`. */
export interface RetentionReport extends Activity {
  activeDays: number
  timeZone: string
  /** The period actually used, as ISO instants. */
  from: string
  to: string
  /** Customers with a first order before `to` ("to date"). */
  customers: number
  /** Orders before `to`, each `orderId` once, any currency. */
  orders: number
  /** % of `customers` with two or more orders. */
  repeatPurchaseRate: number | null
  /** Mean days between a customer's consecutive orders. */
  avgDaysBetweenPurchases: number | null
  /** The report's one currency (an ISO 4217 code, or null): the `currency` parameter, else the ISO currency of most orders. */
  currency: string | null
  /** Orders before `to` in `currency`; other currencies are in `otherCurrencies`, never added. */
  revenue: number
  /** revenue / orders in `currency`. */
  aov: number | null
  /** revenue / customers who ordered in `currency` (all customers when there is one currency), minus `costPerCustomer`. */
  ltv: number | null
  /** An estimate, not a measurement: aov × ordersPerCustomerPerMonth × expectedLifetimeMonths. */
  projectedLtv: number | null
  projection: Projection
  otherCurrencies: CurrencyTotals[]
  /** Orders in currencies that are not ISO 4217 codes ("€", "US$"): never `currency`, never summed into it. */
  unknownCurrencies: CurrencyTotals[]
  /** One per local month of the period that had first orders. */
  cohorts: Cohort[]
  /** CRR and churn for each local month of the period, clipped to it. */
  trend: TrendPoint[]
  segments: { campaigns: CampaignSegment[]; nps: NpsSegment[]; email: EmailSegments }
}
