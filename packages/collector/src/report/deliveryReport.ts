import type { Queryable } from '../db'
import type { DeliverySection, ReportParams } from './types'

/** Events the site's devices reported dropping, in batches received in the period. */
export async function deliveryReport(
  db: Queryable,
  { site, from, to }: ReportParams,
): Promise<DeliverySection> {
  const { rows } = await db.query<{ dropped: number }>(
    `select coalesce(sum(dropped), 0)::int8 as dropped from device_drops
     where site = $1 and received_at >= $2 and received_at < $3`,
    [site, from, to],
  )
  return { droppedOnDevices: rows[0]?.dropped ?? 0 }
}
