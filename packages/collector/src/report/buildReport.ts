import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Queryable } from '../db'
import { campaignsReport } from './campaignsReport'
import { cartsReport } from './cartsReport'
import { csatReport } from './csatReport'
import { npsReport } from './npsReport'
import { pushReport } from './pushReport'
import type { Report, ReportParams } from './types'

type RetentionReport = (db: Queryable, params: ReportParams) => Promise<unknown>

// The retention section is built by its own module (src/report/retention.ts); the report
// works without it, but a module that exists and fails to load is an error, not "absent".
let retention: Promise<RetentionReport | undefined> | undefined
function loadRetention(): Promise<RetentionReport | undefined> {
  retention ??= (async () => {
    for (const ext of ['.ts', '.js']) {
      const url = new URL(`./retention${ext}`, import.meta.url)
      if (existsSync(fileURLToPath(url))) return (await import(url.href)).retentionReport as RetentionReport
    }
    return undefined
  })()
  return retention
}

/** The analyst's report for one site and period `[from, to)` — see CONTRACT.md "Collector". */
export async function buildReport(db: Queryable, params: ReportParams): Promise<Report> {
  const retentionReport = await loadRetention()
  const [nps, csat, campaigns, push, carts, retentionSection] = await Promise.all([
    npsReport(db, params),
    csatReport(db, params),
    campaignsReport(db, params),
    pushReport(db, params),
    cartsReport(db, params),
    retentionReport?.(db, params),
  ])
  const report: Report = {
    site: params.site,
    from: params.from,
    to: params.to,
    nps,
    csat,
    campaigns,
    push,
    carts,
  }
  if (retentionReport) report.retention = retentionSection
  return report
}
