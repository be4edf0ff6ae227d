import { startCampaigns } from '../campaigns/startCampaigns'
import { reportIssues } from '../config/reportIssues'
import { validateConfig } from '../config/validateConfig'
import { pageConfig } from '../page/pageConfig'
import { startPage } from '../page/startPage'
import { loadFormat } from '../wire/formats/loadFormat'
import type { InitOptions, Linger } from './types'

/**
 * Starts Linger: validates the config (problems go to the console; valid campaigns still run),
 * records the page view, arms the campaigns' triggers and returns the commands. Importing
 * does nothing; this call is the first to touch `window`. The widgets, the debug explainer,
 * the Shopify adapter, web push and third-party delivery formats load on demand.
 * The script tag (packages/embed/src/linger.ts) starts the same way, `startPage`, with the
 * campaigns part loaded as a chunk instead of started at once.
 */
export function init(config: unknown, options: InitOptions = {}): Linger {
  return startPage({
    config: pageConfig(config),
    options: {
      loadDebug: () => import('../debug/index'),
      loadShopify: () => import('../cart/shopify'),
      loadPush: () => import('../push/pushFlow').then((m) => m.pushFlow),
      loadFormat,
      // The widgets package is an optional peer: a page that never shows a widget never loads it.
      loadWidgets: () => import('@linger/widgets'),
      loadSurvey: () => import('@linger/widgets/flow').then((m) => ({ mount: m.mountFlow })),
      ...options,
    },
    campaigns: (page) => startCampaigns(config, page, { validate: validateConfig, report: reportIssues }),
    eager: true,
  })
}
