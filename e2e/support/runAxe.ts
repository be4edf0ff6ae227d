import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import type { AxeResults } from 'axe-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core on `selector` (the widget's host: axe walks into its shadow root), run in the page.
 * Injected once per document: AxeBuilder injects its 550 kB on every call, twice, and finishes
 * each run in a new blank page, which made a 16-check spec take over a minute on a loaded
 * machine (9 s this way). Same engine, same rules; only violations and incomplete checks list
 * every node (passes and inapplicable rules keep one each, and no test reads them).
 */
export async function runAxe(page: Page, selector = 'linger-widget'): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(
    (s) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(
        { include: [[s]] },
        { resultTypes: ['violations', 'incomplete'] },
      ),
    selector,
  )
}
