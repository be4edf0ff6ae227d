import type { validateConfig } from '../config/validateConfig'
import type { Base, Campaigns } from './base'
import { reportIssues } from './reportIssues'
import { startCampaigns } from './startCampaigns'

/**
 * The script tag's campaigns chunk: validates the untrusted config (problems go to the
 * console; valid campaigns still run) and starts the campaigns part on the running base.
 * `validate` is passed in: the script tag loads the validator as its own chunk, only when
 * the config is not stamped (config/isStamped.ts).
 */
export function campaignsFromInput(input: unknown, base: Base, validate: typeof validateConfig): Campaigns {
  const { config, issues } = input === undefined ? { config: undefined, issues: [] } : validate(input)
  reportIssues(issues, base.options.onIssue)
  return startCampaigns(config, base)
}
