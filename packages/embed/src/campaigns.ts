/**
 * linger-campaigns.js: loaded by linger.js right after the page view. Config validation,
 * targeting, triggers and the cart; the widgets, push and Shopify chunks it needs load from
 * beside it (that is, beside linger.js).
 */
import type { MountWidget } from '@linger/core'
import { type CampaignsPart, type Page, startCampaigns } from '@linger/core/campaigns'
import type { PushFlow } from '@linger/core/push'
import { chunkLoader, prefetchChunk } from './chunkLoader'

const load = chunkLoader(import.meta.url)

/** Starts the campaigns part on linger.js's running page part, with the raw (unvalidated) config. */
export function campaigns(input: unknown, page: Page): CampaignsPart {
  return startCampaigns(input, {
    ...page,
    options: {
      ...page.options,
      loadWidgets: () => load('linger-widgets.js'),
      prefetchWidgets: (kind) =>
        prefetchChunk(import.meta.url, kind === 'survey' ? 'linger-survey.js' : 'linger-widgets.js'),
      loadSurvey: () =>
        load<{ mountFlow: MountWidget }>('linger-survey.js').then((m) => ({ mount: m.mountFlow })),
      loadShopify: () => load('linger-shopify.js'),
      loadPush: () => load<{ pushFlow: PushFlow }>('linger-push.js').then((m) => m.pushFlow),
    },
  })
}
