import type { PageFn } from './types'

/**
 * `fn`, failing loudly in the page when it returns a DOM node. Drivers return a node each their
 * own way — Playwright a "ref: <Node>" string, puppeteer over WebDriver BiDi `undefined`,
 * WebDriver an element reference — so `waitIn(tab, () => el)` passed in Chromium and WebKit and
 * timed out in Firefox. Every adapter's `evaluate` goes through this.
 */
export function jsonOnly<A, R>(fn: PageFn<A, R>): PageFn<A, R> {
  // Built from source text, which is all any driver sends to the page anyway.
  return new Function(
    'arg',
    `return Promise.resolve((${fn.toString()})(arg)).then((value) => {
      if (value instanceof Node) throw new Error('a page function returned a DOM node: return JSON (e.g. !!element)')
      return value
    })`,
  ) as PageFn<A, R>
}
