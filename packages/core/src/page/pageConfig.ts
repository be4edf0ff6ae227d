import { isSafeLink } from '../config/isSafeLink'
import type { LingerConfig } from '../types'

/** The config fields the page part reads: the pipeline's and consent. */
export type PageConfig = Pick<LingerConfig, 'site' | 'endpoint' | 'format' | 'writeKey' | 'consent'>

/**
 * The fields the always-loaded part needs from an untrusted config (config/pageFields.ts),
 * checked as `validateConfig` (in the campaigns chunk, later) checks them: `undefined` when the
 * config is unusable; a broken optional field is left out. `consent` needs no check: only
 * `"required"` changes anything. Written out rather than picked from pageFields: a loop over
 * its entries (which brings the schema builders along) cost linger.js 91 B brotli, and 109 B
 * when tried again with the one start-up path; linger.js must not grow. So a new page field
 * goes in both places, and test/page/pageConfig.test.ts holds the two together (it compares
 * this with `validateConfig` on every corpus config and checks the field names match).
 */
export function pageConfig(input: unknown): PageConfig | undefined {
  const c = input as Partial<Record<keyof PageConfig | 'version' | 'campaigns', unknown>> | null
  try {
    const { site, endpoint, format, writeKey, consent } = c as PageConfig
    const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max
    if (c?.version !== 1 || !str(site, 64) || !/^[\w.-]+$/.test(site)) return
    if (!Array.isArray(c.campaigns) || c.campaigns.length > 100) return
    return {
      site,
      consent,
      ...(str(endpoint, 2000) && isSafeLink(endpoint, /^https?$/i) && { endpoint }),
      ...(['segment', 'rudderstack', 'posthog'].includes(format!) && { format }),
      ...(str(writeKey, 500) && { writeKey }),
    }
  } catch {}
}
