/** Bounds of the report's query parameters: one place for the HTTP check and the sections. */
export const REPORT_LIMITS = {
  /** The longest period one report covers: five years. */
  periodDays: 5 * 366,
  /** Days after a campaign or hold-out in which a purchase counts (default 5). */
  attributionDays: { min: 0, max: 365, default: 5 },
  /** A customer is active while their last order is under this many days old (default 90). */
  activeDays: { min: 1, max: 3660, default: 90 },
  /** |costPerCustomer|, in the report currency. */
  costPerCustomer: 1e9,
  /** `site`, `timeZone` and `currency` lengths. */
  text: 200,
} as const
