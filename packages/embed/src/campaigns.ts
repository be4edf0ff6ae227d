/**
 * linger-campaigns.js: loaded by linger.js right after the page view. Targeting, triggers and
 * the cart; the validator, widgets, push and Shopify chunks it needs load from beside it (that
 * is, beside linger.js).
 */
import type { MountWidget } from '@linger/core'
import { type Base, type Campaigns, campaignsFromInput } from '@linger/core/campaigns'
import { isStamped } from '@linger/core/config'
import type { PushFlow } from '@linger/core/push'
import { chunkLoader, prefetchChunk } from './chunkLoader'
import type { validateConfig } from './validate'

const load = chunkLoader(import.meta.url)

/**
 * Starts the campaigns part on linger.js's running base, with the raw config. A config stamped
 * by `linger validate --write` is used as it is; any other (or any in debug mode) goes through
 * the validator chunk first, which names each problem's path.
 */
export async function campaigns(input: unknown, base: Base): Promise<Campaigns> {
  const trusted = input === undefined || (!base.debugOn() && isStamped(input))
  const validate = trusted
    ? (config: unknown) => ({ config: config as never, issues: [] })
    : (await load<{ validateConfig: typeof validateConfig }>('linger-validate.js')).validateConfig
  return campaignsFromInput(
    input,
    {
      ...base,
      options: {
        ...base.options,
        loadWidgets: () => load('linger-widgets.js'),
        prefetchWidgets: (kind) =>
          prefetchChunk(import.meta.url, kind === 'survey' ? 'linger-survey.js' : 'linger-widgets.js'),
        loadSurvey: () =>
          load<{ mountFlow: MountWidget }>('linger-survey.js').then((m) => ({ mount: m.mountFlow })),
        loadShopify: () => load('linger-shopify.js'),
        loadPush: () => load<{ pushFlow: PushFlow }>('linger-push.js').then((m) => m.pushFlow),
      },
    },
    validate,
  )
}
