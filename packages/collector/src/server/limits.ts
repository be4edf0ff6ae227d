/** What one batch may hold; each bound keeps a value inside its database column or the 64 KiB body. */
export const LIMITS = {
  events: 500,
  id: 64,
  type: 100,
  name: 200,
  url: 2048,
  propsBytes: 32 * 1024,
  propsDepth: 16,
  issues: 50,
  /** `device_drops.dropped` is a PostgreSQL integer. */
  dropped: 2 ** 31 - 1,
  /**
   * |purchase value|: far above any real order, far below float8's limit, so the orders table
   * and the report's sums never overflow.
   */
  money: 1e15,
} as const
