// The XSS corpus (packages/widgets/test/xss-corpus.ts) through the shipped linger.js in each
// engine: every payload in every text field of every kind of widget, in the cart's item names
// (through `{{cart.items}}` and the cart list) and, where the config validator lets it through,
// in every URL. Each campaign is shown with `show(id)`, its survey's next step opened, and its
// shadow root compared with a clean render: no extra elements, no handler attributes, only safe
// URLs; and nothing ever ran (`window.__xss` stays unset).
import { MAX_CAMPAIGNS } from '../../../packages/core/src/config/pageFields'
import { validateConfig } from '../../../packages/core/src/config/validateConfig'
import { xssCampaigns, xssCorpus } from '../../../packages/widgets/test/xss-corpus'
import { enginesFull } from '../support/enginesFull'
import { lingerPage } from '../support/lingerPage'
import { expect, test } from '../support/test'
import { watchPage } from '../support/watchPage'

type Rendered = { id: string; shown: boolean; tags: Record<string, number>; urls: string[]; on: string[] }
type Campaign = Record<string, unknown> & {
  id: string
  kind: string
  content?: { image?: { src: string }; cta?: { href?: string; campaign?: string }; coupon?: string }
}

const VAPID = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
const CLEAN = 'https://shop.example/ok'
const valid = (c: Campaign) =>
  validateConfig({ version: 1, site: 's', endpoint: '/v1/batch', campaigns: [c] }).config?.campaigns
    .length === 1

/**
 * Every kind of campaign with `p` in each slot (`{{cart.items}}` as the variable), ids
 * `<tag>-t<kind>`: with its URLs, ids and coupon made valid, so the validator keeps it whatever
 * `p` is; and `<tag>-f<kind>`, `p` in the URLs too, where the validator lets that through.
 */
const campaignsWith = (p: string, tag: string): Campaign[] =>
  xssCampaigns(p).flatMap((c, j) => {
    const full = JSON.parse(JSON.stringify(c).replaceAll('{{v}}', '{{cart.items}}')) as Campaign
    const text = structuredClone(full)
    if (text.content?.image) text.content.image.src = '/ok.png'
    if (text.content?.cta?.href) text.content.cta.href = '/cart'
    if (text.content?.cta?.campaign) text.content.cta.campaign = `${tag}-t0`
    if (text.content?.coupon) text.content.coupon = 'SAVE10'
    if (text.kind === 'push') text.vapidPublicKey = VAPID
    const both = [{ ...text, id: `${tag}-t${j}` }]
    if (JSON.stringify(full) !== JSON.stringify(text) && valid(full))
      both.push({ ...full, id: `${tag}-f${j}` })
    return both
  })

// CI: every fourth payload (each kind of attack is several payloads apart); full: all of them.
const corpus = enginesFull ? xssCorpus : xssCorpus.filter((_, i) => i % 4 === 0)

test(`XSS corpus (${corpus.length} of ${xssCorpus.length} payloads) through every text field, cart item and URL: 0 executed, 0 injected`, async ({
  site,
}) => {
  test.setTimeout(300_000)
  const payloads = [CLEAN, ...corpus]
  const campaigns = payloads.flatMap((p, i) => campaignsWith(p, `p${i}`))
  // A config holds at most MAX_CAMPAIGNS campaigns (the validator refuses a longer list whole,
  // and every show then waits out its limit: this scenario's old timeout), so the payloads go
  // through several pages, each with whole payloads' campaigns up to that many.
  const pages: number[][] = []
  let onPage = 0
  for (const [i, p] of payloads.entries()) {
    const n = campaignsWith(p, `p${i}`).length
    if (!pages.length || onPage + n > MAX_CAMPAIGNS) {
      pages.push([])
      onPage = 0
    }
    pages.at(-1)!.push(i)
    onPage += n
  }
  const all: Record<string, Rendered> = {}
  for (const [k, onThisPage] of pages.entries()) {
    const config = {
      version: 1,
      site: site.id,
      endpoint: '/v1/batch',
      // Consent required: hundreds of shows, nothing stored or sent.
      consent: 'required',
      campaigns: onThisPage.flatMap((i) => campaignsWith(payloads[i]!, `p${i}`)),
    }
    expect(validateConfig(config).config?.campaigns.length, `page ${k}: every campaign kept`).toBe(
      config.campaigns.length,
    )
    site.page(`/x${k}.html`, lingerPage({ config, watch: true, body: '<div id="slot"></div>' }))
    const tab = await site.open(`/x${k}.html`)
    // Where the engine has no push, the push prompt never shows (the push scenario covers that).
    const pushUnsupported = await tab.evaluate(() => !('PushManager' in window))
    for (const i of onThisPage) {
      const p = payloads[i]!
      const ids = campaignsWith(p, `p${i}`)
        .filter((c) => !(c.kind === 'push' && pushUnsupported))
        .map((c) => c.id)
      const rendered = await tab.evaluate(
        async ({ ids, p }) => {
          const w = window as unknown as { linger: (...a: unknown[]) => void }
          w.linger('cart', { items: [{ id: p, name: p, price: 1, quantity: 1, image: p, url: p }], value: 1 })
          const tick = () => new Promise((done) => setTimeout(done, 0))
          const root = () => document.querySelector('linger-widget')?.shadowRoot
          const out = []
          for (const id of ids) {
            w.linger('show', id)
            const since = performance.now()
            let shown = false
            while (!shown && performance.now() - since < 5000) {
              await tick()
              shown = !!root()?.querySelector('button, a, [role=radio]')
            }
            const r = root()
            if (shown && r) {
              // The survey's next step (follow-up question, comment field) renders the rest.
              r.querySelector<HTMLElement>('[role=radio]')?.click()
              await tick()
            }
            const tags: Record<string, number> = {}
            for (const el of r?.querySelectorAll('*') ?? []) tags[el.tagName] = (tags[el.tagName] ?? 0) + 1
            // A link that is not safe renders as a button: count them together.
            tags.A = (tags.A ?? 0) + (tags.BUTTON ?? 0)
            delete tags.BUTTON
            const urls = [...(r?.querySelectorAll('[href],[src]') ?? [])].map(
              (e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src,
            )
            const on = [...(r?.querySelectorAll('*') ?? [])].flatMap((e) =>
              e.getAttributeNames().filter((a) => a.startsWith('on')),
            )
            out.push({ id, shown, tags, urls, on })
            w.linger('hide')
            while (root()?.querySelector('*:not(style)') && performance.now() - since < 10_000) await tick()
          }
          return out
        },
        { ids, p },
      )
      for (const r of rendered) all[r.id] = r
    }
    // Anything that was going to fire (onerror, onload, a timer) has had the page's whole run.
    // (`in`, not the value: WebDriver hands an undefined back as null.)
    expect(await tab.evaluate(() => '__xss' in window)).toBe(false)
    expect(
      await tab.evaluate(
        () => document.querySelectorAll('body script, body iframe, body object, body embed, body img').length,
      ),
    ).toBe(0)
    expect((await watchPage.read(tab)).errors).toEqual([])
    await tab.close()
  }
  const problems: string[] = []
  for (const [i, p] of payloads.entries())
    for (const c of campaignsWith(p, `p${i}`)) {
      const r = all[c.id]
      if (!r) continue // push, where the engine has none
      const at = `${JSON.stringify(p)} ${c.kind} ${c.id}`
      // Every campaign the validator kept is shown; compared with the clean render of its kind.
      if (!r.shown) problems.push(`${at}: not shown`)
      const clean = all[c.id.replace(/^p\d+/, 'p0').replace('-f', '-t')]!
      if (!r.shown) continue
      for (const [tag, n] of Object.entries(r.tags))
        if (n > (clean.tags[tag] ?? 0)) problems.push(`${at}: ${n} <${tag}>, clean ${clean.tags[tag] ?? 0}`)
      for (const url of r.urls) if (!/^(https?:|mailto:|tel:)/.test(url)) problems.push(`${at}: url ${url}`)
      if (r.on.length) problems.push(`${at}: handlers ${r.on}`)
    }
  expect(problems).toEqual([])
  const shown = Object.values(all).filter((r) => r.shown).length
  test.info().annotations.push({ type: 'rendered', description: `${shown} of ${campaigns.length} campaigns` })
  console.log(
    `XSS corpus: ${shown} widgets rendered (of ${campaigns.length} campaigns, on ${pages.length} pages), 0 problems`,
  )
})
