import type { Campaign, ConfigIssue, LingerConfig } from '../types'
import { check } from './check'
import { checkShowLinks } from './checkShowLinks'
import { checkSurveyFlows } from './checkSurveyFlows'
import { configDefinition } from './definition'

/**
 * Validates an untrusted config. `config` is a fresh copy holding only what is valid:
 * broken campaigns and broken optional fields are left out and reported; it is absent when
 * the config is unusable (not an object, bad `version`, `site` or `campaigns`). Never throws.
 */
export function validateConfig(input: unknown): { config?: LingerConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = []
  try {
    const config = check(configDefinition, input, '', issues) as LingerConfig | undefined
    if (!config) return { issues }
    const campaigns = config.campaigns as (Campaign | undefined)[]
    checkSurveyFlows(campaigns, issues)
    config.campaigns = checkShowLinks(campaigns, issues)
    return { config, issues }
  } catch {
    // Only hand-built objects get here (a throwing getter or Proxy); parsed JSON cannot.
    issues.push({ path: '', code: 'type', message: 'expected plain JSON data, got an object that throws' })
    return { issues }
  }
}
