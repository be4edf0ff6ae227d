import type { Campaign } from '@linger/core/types'
import { afterEach, expect, test } from 'vitest'
import { safeUrl } from '../src/text/safeUrl'
import { open } from './helpers'
import { tagCounts, xssCampaigns, xssCorpus, xssHost } from './xss-corpus'

declare global {
  interface Window {
    __xss?: unknown
  }
}

afterEach(() => {
  for (const el of document.querySelectorAll('linger-widget')) el.remove()
  document.body.innerHTML = ''
})

/** Mounts, answers a survey (so the follow-up step renders too), counts tags; a link that
 * isn't safe renders as a button, so those two count together. */
function render(campaign: Campaign, payload: string) {
  document.body.innerHTML = '<div id="slot"></div>'
  const w = open(campaign, xssHost(payload))
  w.$$('[role=radio]')[0]?.click()
  const counts = tagCounts(w.root)
  counts.A = (counts.A ?? 0) + (counts.BUTTON ?? 0)
  delete counts.BUTTON
  return { w, counts }
}

const clean = xssCampaigns('https://shop.example/ok').map((c) => {
  const { w, counts } = render(c, '/ok')
  w.widget.unmount()
  return counts
})

test('the corpus is large enough', () => expect(xssCorpus.length).toBeGreaterThanOrEqual(40))

test.each(xssCorpus)('inert: %j', (payload) => {
  xssCampaigns(payload).forEach((campaign, i) => {
    const { w, counts } = render(campaign, payload)
    for (const [tag, n] of Object.entries(counts))
      expect(n, `${campaign.kind} ${i} <${tag}>`).toBeLessThanOrEqual(clean[i]![tag] ?? 0)
    for (const a of w.$$('a[href]')) expect(safeUrl(a.getAttribute('href'))).toBeDefined()
    for (const img of w.$$('img[src]')) expect(safeUrl(img.getAttribute('src'))).toBeDefined()
    for (const el of w.$$('*'))
      for (const attr of el.getAttributeNames())
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false)
    expect(w.root.textContent).toContain(payload.includes('{{') ? '' : payload)
    w.widget.unmount()
  })
  expect(document.querySelectorAll('script,iframe,object,embed,img,svg').length).toBe(0)
  expect(window.__xss).toBeUndefined()
})
