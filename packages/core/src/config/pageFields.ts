import { oneOf, str } from './schema'

/**
 * The config fields every page reads before the campaigns part loads. The definition
 * (definition.ts) includes them; page/pageConfig.ts checks them (and the campaign count)
 * alone, from this file, so linger.js carries neither the validator nor the rest of the
 * definition.
 */
export const pageFields = {
  version: oneOf([1]),
  site: str({ max: 64, pattern: /^[\w.-]+$/ }),
  /** An http(s) or relative URL. */
  endpoint: str({ format: 'url' }),
  format: oneOf(['linger', 'segment', 'rudderstack', 'posthog'], { default: 'linger' }),
  writeKey: str({ max: 500 }),
  consent: oneOf(['granted', 'required'], { default: 'granted' }),
}

/** Most campaigns a config may hold. */
export const MAX_CAMPAIGNS = 100
