import type { Decision } from '../targeting/types'
import type { Campaign } from '../types'
import { explain } from './explain'

/**
 * Logs why a campaign did or did not show, grouped by campaign. `stage` is when the decision
 * was made: `init`/`status`/`route` (before any trigger), a trigger type, `show` or `preview`.
 */
export function logDecision(campaign: Campaign, decision: Decision, stage: string): void {
  const waiting = stage === 'init' || stage === 'status' || stage === 'route'
  const verdict = decision.show
    ? waiting
      ? campaign.trigger.type === 'manual'
        ? 'eligible; shows only when show() is called'
        : `eligible; waiting for its trigger (${campaign.trigger.type})`
      : `shown (${stage})`
    : `not shown (${stage}): ${explain(decision)}`
  console.group(`linger: campaign ${campaign.id}`)
  console.info(`linger [${campaign.id}] ${verdict}`)
  console.groupEnd()
}
