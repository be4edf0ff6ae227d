import { tagCounts, xssCampaigns, xssCorpus, xssHost } from '../../packages/widgets/test/xss-corpus'
import { expect, test } from '../support/test'

test(`XSS corpus (${xssCorpus.length} payloads) through every text field, variable and URL stays inert`, async ({
  page,
  server,
}) => {
  test.setTimeout(120_000)
  await page.goto(`${server.url}/widgets-harness.html`)
  await page.waitForFunction(() => window.harnessReady)
  // Page-side: mount each campaign, open its further steps, count tags; a link that isn't
  // safe renders as a button, so A and BUTTON count together.
  const renderAll = (cases: Array<{ campaign: unknown; host: unknown }>, countTags: string) =>
    page.evaluate(
      async ({ cases, countTags }) => {
        const count = new Function(`return ${countTags}`)() as (root: ParentNode) => Record<string, number>
        const out: Array<{ counts: Record<string, number>; hrefs: string[]; on: string[] }> = []
        for (const c of cases) {
          window.mountCampaign(c as never)
          const root = document.querySelectorAll('linger-widget')[0]!.shadowRoot!
          root.querySelector<HTMLElement>('[role=radio]')?.click()
          await new Promise((done) => setTimeout(done, 0))
          const counts = count(root)
          counts.A = (counts.A ?? 0) + (counts.BUTTON ?? 0)
          delete counts.BUTTON
          const hrefs = [...root.querySelectorAll('[href],[src]')].map(
            (e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src,
          )
          const on = [...root.querySelectorAll('*')].flatMap((e) =>
            e.getAttributeNames().filter((a) => a.startsWith('on')),
          )
          out.push({ counts, hrefs, on })
        }
        window.unmountCampaign()
        return out
      },
      { cases, countTags },
    )
  const cases = (payload: string) =>
    xssCampaigns(payload).map((campaign) => ({ campaign, host: xssHost(payload) }))
  const clean = await renderAll(cases('https://shop.example/ok'), tagCounts.toString())
  // Collected and asserted once: thousands of single expects would crawl under tracing.
  const problems: string[] = []
  for (const payload of xssCorpus) {
    const seen = await renderAll(cases(payload), tagCounts.toString())
    seen.forEach((r, i) => {
      const at = `${JSON.stringify(payload)} case ${i}`
      for (const [tag, n] of Object.entries(r.counts))
        if (n > (clean[i]!.counts[tag] ?? 0))
          problems.push(`${at}: ${n} <${tag}>, clean ${clean[i]!.counts[tag]}`)
      for (const url of r.hrefs) if (!/^(https?:|mailto:|tel:)/.test(url)) problems.push(`${at}: url ${url}`)
      if (r.on.length) problems.push(`${at}: handlers ${r.on}`)
    })
  }
  expect(problems).toEqual([])
  // Give anything that was going to fire (onerror, onload, timers) a moment, then check the trap.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)))
  expect(await page.evaluate(() => window.__xss)).toBeUndefined()
  expect(
    await page.evaluate(
      () =>
        document.querySelectorAll(
          'body script:not([src="/widgets-harness.js"]), body iframe, body object, body embed',
        ).length,
    ),
  ).toBe(0)
})
