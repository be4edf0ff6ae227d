/**
 * linger-campaigns.js: loaded by linger.js right after the page view. Targeting, triggers and
 * the cart; the validator, widgets, push and Shopify chunks it needs load from beside it (that
 * is, beside linger.js).
 */
import type { LingerConfig, MountWidget } from '@linger/core'
import { type CampaignsPart, type Page, startCampaigns } from '@linger/core/campaigns'
import { isStamped } from '@linger/core/config'
import type { PushFlow } from '@linger/core/push'
import { chunkLoader } from './chunkLoader'
import { prefetchChunk } from './prefetchChunk'
import { useRegexGuard } from './regexGuard'
import type * as validatorChunk from './validate'

type Validator = typeof validatorChunk
const load = chunkLoader(import.meta.url)

/** False only when the config surely holds no `re:` URL rule (a text starting "re:" is a harmless false alarm). */
const mayHoldRegex = (input: unknown): boolean => {
  try {
    return JSON.stringify(input).includes('"re:')
  } catch {
    return true
  }
}

/**
 * Starts the campaigns part on linger.js's running page part, with the raw config. A config stamped
 * by `linger validate --write` is used as it is; any other (or any in debug mode) goes through
 * the validator chunk first, which names each problem's path.
 */
export async function campaigns(input: unknown, page: Page): Promise<CampaignsPart> {
  const trusted = input === undefined || (!page.debugOn() && isStamped(input))
  let validate: Validator['validateConfig'] = (config) => ({ config: config as LingerConfig, issues: [] })
  // A trusted config has no issues to report: the reporter comes with the validator.
  let report: Validator['reportIssues'] = () => {}
  if (!trusted) {
    const validator = await load<Validator>('linger-validate.js')
    useRegexGuard(validator.isUnsafeRegex)
    validate = validator.validateConfig
    report = validator.reportIssues
  } else if (mayHoldRegex(input))
    useRegexGuard((await load<Pick<Validator, 'isUnsafeRegex'>>('linger-regex.js')).isUnsafeRegex)
  return startCampaigns(
    input,
    {
      ...page,
      options: {
        ...page.options,
        loadWidgets: () => load('linger-widgets.js'),
        prefetchWidgets: (kind) => {
          prefetchChunk(import.meta.url, kind === 'survey' ? 'linger-survey.js' : 'linger-widgets.js')
          // The push module no longer loads at start (only for a resync): fetch it with its prompt.
          if (kind === 'push') prefetchChunk(import.meta.url, 'linger-push.js')
        },
        loadSurvey: () =>
          load<{ mountFlow: MountWidget }>('linger-survey.js').then((m) => ({ mount: m.mountFlow })),
        loadShopify: () => load('linger-shopify.js'),
        loadPush: () => load<{ pushFlow: PushFlow }>('linger-push.js').then((m) => m.pushFlow),
      },
    },
    { validate, report },
  )
}
