import { validateConfig } from '../config/validateConfig'
import type { Base, Campaigns } from './base'
import { reportIssues } from './reportIssues'
import { startCampaigns } from './startCampaigns'

/**
 * The script tag's campaigns chunk: validates the untrusted config (problems go to the
 * console; valid campaigns still run) and starts the campaigns part on the running base.
 */
export function campaignsFromInput(input: unknown, base: Base): Campaigns {
  const { config, issues } = input === undefined ? { config: undefined, issues: [] } : validateConfig(input)
  reportIssues(issues, base.options.onIssue)
  return startCampaigns(config, base)
}
