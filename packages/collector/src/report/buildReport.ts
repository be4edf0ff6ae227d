import type { Queryable } from '../db'
import { campaignsReport } from './campaignsReport'
import { cartsReport } from './cartsReport'
import { csatReport } from './csatReport'
import { deliveryReport } from './deliveryReport'
import { flowsReport } from './flowsReport'
import { npsReport } from './npsReport'
import { pushReport } from './pushReport'
import { retentionReport } from './retention/retentionReport'
import type { Report, ReportParams } from './types'

/** The analyst's report for one site and period `[from, to)` — see docs/contract.md, "Collector". */
export async function buildReport(db: Queryable, params: ReportParams): Promise<Report> {
  const [nps, csat, surveys, campaigns, push, carts, delivery, retention] = await Promise.all([
    npsReport(db, params),
    csatReport(db, params),
    flowsReport(db, params),
    campaignsReport(db, params),
    pushReport(db, params),
    cartsReport(db, params),
    deliveryReport(db, params),
    retentionReport(db, params),
  ])
  return {
    site: params.site,
    from: params.from,
    to: params.to,
    nps,
    csat,
    surveys,
    campaigns,
    push,
    carts,
    delivery,
    retention,
  }
}
