import { assignGroup } from './assignGroup'
import { DEMO_CAMPAIGNS } from './demoCampaigns'
import type { EventRow } from './insertEvents'
import { mulberry32 } from './mulberry32'
import { walkFlow } from './walkFlow'

export interface SeedOptions {
  site: string
  visitors: number
  months: number
  seed: number
  /** End of the seeded period (exclusive). */
  end: Date
}

const PRODUCTS = [
  { id: 'mug', price: 18 },
  { id: 'tee', price: 29 },
  { id: 'tote', price: 15 },
  { id: 'socks', price: 12 },
  { id: 'cap', price: 24 },
  { id: 'notebook', price: 9.5 },
]
const DAY = 86_400_000

/**
 * A plausible, deterministic history of the demo shop, its campaigns shown where and when the
 * demo config shows them (the shipping bar on the home page, the exit offer on product pages,
 * the cart reminder on leaving a cart, NPS on the cart page, CSAT and the push prompt on the
 * order page, the newsletter to returning visitors, the feedback flow from the footer, the save
 * offer to recent NPS detractors on a product page), with the config's variants and hold-outs.
 * Every visitor gets a latent loyalty that drives how often they come back and buy; promoters and
 * visitors shown a pop-up with a hold-out (not held out) come back and re-order more, and a
 * detractor shown the save offer buys more that visit than one held out of it, so the retention
 * segments and the campaign table have something to find. Yields rows visitor by visitor, in
 * time order.
 */
export function* generateEvents(o: SeedOptions): Generator<EventRow> {
  const rand = mulberry32(o.seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const end = o.end.getTime()
  const startDate = new Date(o.end)
  startDate.setUTCMonth(startDate.getUTCMonth() - o.months)
  const start = startDate.getTime()

  for (let i = 0; i < o.visitors; i++) {
    const visitor = `v${o.seed}-${i}`
    const loyalty = rand()
    // Later first visits are a little more common: a shop that grows.
    let t = start + rand() ** 0.8 * (end - start)
    let user: string | null = null
    let n = 0
    let session = ''
    let url = '/'
    let orders = 0
    let exposed = false
    let promoter = false
    const groups = new Map<string, string>() // campaign → 'held-out' | variant | ''
    const quietUntil = new Map<string, number>() // campaign → frequency cap (dismissed, converted)
    let npsShown = false
    let flowShown = false
    let detractorAt = -Infinity // the last NPS answer of 0–6 (nps-main or the flow's first question)
    let saveOfferSeen = false
    let pushDone = false
    let notNow = 0
    const row = (type: string, props: Record<string, unknown> = {}, campaign?: string): EventRow => {
      t += 1000 + rand() * 40_000
      const variant = campaign && groups.get(campaign)
      return {
        id: `${visitor}-${n++}`,
        site: o.site,
        type,
        ts: new Date(t).toISOString(),
        visitor_id: visitor,
        session_id: session,
        user_id: user,
        campaign_id: campaign ?? null,
        variant: variant && variant !== 'held-out' ? variant : null,
        url,
        props,
      }
    }
    const view = (path: string) => {
      url = path
      return row('page.viewed')
    }
    const free = (campaign: string) => (quietUntil.get(campaign) ?? 0) <= t
    const close = (campaign: string, reason: 'dismissed' | 'converted', quietDays = 0) => {
      if (quietDays) quietUntil.set(campaign, t + quietDays * DAY)
      return row(`campaign.${reason}`, {}, campaign)
    }
    // The visitor's group is fixed at the first show; held out → an event instead of the widget.
    const show = function* (campaign: string, trigger: string): Generator<EventRow, boolean> {
      const spec = DEMO_CAMPAIGNS[campaign]!
      if (!groups.has(campaign)) groups.set(campaign, assignGroup(spec, rand))
      const heldOut = groups.get(campaign) === 'held-out'
      yield row(heldOut ? 'campaign.held-out' : 'campaign.shown', { trigger, kind: spec.kind }, campaign)
      if (!heldOut && spec.holdout) exposed = true
      return !heldOut
    }

    // A session starts only if it ends (minutes later) before `end`.
    for (let s = 0; t < end - 3_600_000; s++) {
      session = `${visitor}-s${s}`
      const referrer =
        s === 0 ? { referrer: pick(['', 'https://www.google.com/', 'https://instagram.com/']) } : {}
      const seen: (typeof PRODUCTS)[number][] = []
      if (rand() < 0.6) {
        url = '/'
        yield row('page.viewed', referrer)
        // The shipping bar on the first home page of a session: left open, closed, or followed.
        if (free('shipping-bar') && (yield* show('shipping-bar', 'pageview'))) {
          const r = rand()
          if (r < 0.05) {
            yield close('shipping-bar', 'converted')
            seen.push(PRODUCTS[0]!)
            yield view('/products/mug')
          } else if (r < 0.35) yield close('shipping-bar', 'dismissed', 1)
        }
        // Returning visitors who scroll the home page may get the newsletter.
        if (s >= 1 && free('newsletter') && rand() < 0.25 && (yield* show('newsletter', 'scroll'))) {
          const r = rand()
          if (r < 0.06) {
            yield row('lead.captured', { email: `shopper${i}@example.com`, consent: true }, 'newsletter')
            yield close('newsletter', 'converted', 365)
          } else if (r < 0.55) yield close('newsletter', 'dismissed', 14)
        }
      }
      const pages = 1 + Math.floor(rand() * 5)
      for (let p = 0; p < pages; p++) {
        const product = pick(PRODUCTS)
        seen.push(product)
        url = `/products/${product.id}`
        yield row('page.viewed', p === 0 && url !== '/' ? referrer : {})
      }
      // Six seconds on a product page within 60 days of a detractor's answer: the save offer, once.
      let saved = false
      if (!saveOfferSeen && t - detractorAt <= 60 * DAY) {
        saveOfferSeen = true
        if (yield* show('save-offer', 'time')) {
          saved = true
          yield close('save-offer', rand() < 0.3 ? 'converted' : 'dismissed')
        }
      }
      // Now and then a visitor opens the feedback flow from the footer (once).
      if (!flowShown && rand() < 0.06) {
        flowShown = true
        const score = Math.max(0, Math.min(10, Math.round(loyalty * 10 + (rand() - 0.4) * 4)))
        if (yield* show('feedback-flow', 'show')) {
          const shownAt = t
          for (const step of walkFlow(score, rand)) {
            const r = row(step.type, step.props, 'feedback-flow')
            if (step.type === 'survey.completed') r.props = { ...step.props, ms: Date.parse(r.ts) - shownAt }
            yield r
            if (step.props.question === 'rec' && score <= 6) detractorAt = t
          }
        }
      }
      if (!user && rand() < 0.12 + 0.2 * loyalty) {
        user = `u${o.seed}-${i}`
        yield row('identify', {
          traits: rand() < 0.85 ? { email: `shopper${i}@example.com` } : { plan: 'guest' },
        })
      }
      // The cart: one to three of the products seen.
      const repeatBoost = (orders > 0 ? (exposed ? 1.25 : 1) * (promoter ? 1.35 : 1) : 1) * (saved ? 1.8 : 1)
      let bought = false
      if (rand() < 0.25 + 0.35 * loyalty + (saved ? 0.2 : 0)) {
        const items = seen
          .slice(0, 1 + Math.floor(rand() * 3))
          .map((p) => ({ id: p.id, price: p.price, quantity: 1 }))
        const value = Math.round(items.reduce((a, x) => a + x.price, 0) * 100) / 100
        yield row('cart.updated', { items, value, currency: 'EUR', count: items.length })
        bought = rand() < Math.min(0.9, (0.3 + 0.35 * loyalty) * repeatBoost)
        // Leaving with the cart: the reminder. A purchase after it carries recoveredBy, as the SDK makes it.
        let recoveredBy: Record<string, unknown> | undefined
        if (!bought && value >= 20 && rand() < 0.6) {
          const shownAt = new Date(t).toISOString()
          const shown = yield* show('cart-rescue', pick(['exit-intent', 'idle']))
          recoveredBy = { campaignId: 'cart-rescue', heldOut: !shown, shownAt }
          if (shown) {
            bought = rand() < 0.15
            yield close('cart-rescue', bought ? 'converted' : 'dismissed', bought ? 1 : 0)
          } else bought = rand() < 0.08
        }
        if (bought) {
          yield view('/cart')
          // Eight seconds on the cart page: the NPS survey, once per visitor.
          if (!npsShown && rand() < 0.5) {
            npsShown = true
            if (yield* show('nps-main', 'time')) {
              if (rand() < 0.55) {
                const score = Math.max(0, Math.min(10, Math.round(loyalty * 10 + (rand() - 0.4) * 4)))
                promoter = score >= 9
                yield row('survey.answered', { survey: 'nps', score, scale: 10 }, 'nps-main')
                if (score <= 6) detractorAt = t
              } else yield close('nps-main', 'dismissed')
            }
          }
          yield view('/checkout')
          const orderId = `${o.seed}-${i}-${orders++}`
          const currency = rand() < 0.02 ? 'USD' : 'EUR'
          const order = row('purchase', {
            orderId,
            value,
            currency,
            items,
            ...(recoveredBy && { recoveredBy }),
          })
          yield order
          // A reloaded thank-you page re-sends the purchase: same orderId, new event id.
          if (rand() < 0.01) yield { ...order, id: `${visitor}-${n++}` }
          yield view(`/order/${orderId}`)
          if (rand() < 0.6 && (yield* show('csat-order', 'time'))) {
            if (rand() < 0.6) {
              const score = Math.max(1, Math.min(5, Math.round(2.5 + 2.5 * loyalty + (rand() - 0.5) * 2)))
              yield row('survey.answered', { survey: 'csat', score, scale: 5 }, 'csat-order')
            } else yield close('csat-order', 'dismissed')
          }
          // Leaving the order page: the push prompt ("Not now" waits 3, then 7, then 30 days).
          if (
            !pushDone &&
            free('push-optin') &&
            rand() < 0.45 &&
            (yield* show('push-optin', 'exit-intent'))
          ) {
            yield row('push.prompted', {}, 'push-optin')
            const r = rand()
            if (r < 0.35) {
              pushDone = true
              const subscription = { endpoint: `https://push.example.com/${visitor}` }
              yield row('push.subscribed', { subscription }, 'push-optin')
              yield close('push-optin', 'converted')
            } else if (r < 0.5) {
              pushDone = true
              yield row('push.denied', {}, 'push-optin')
              yield close('push-optin', 'dismissed')
            } else yield close('push-optin', 'dismissed', [3, 7, 30][Math.min(2, notNow++)])
          }
        }
      } else if (url.startsWith('/products/') && free('exit-offer') && rand() < 0.4) {
        if (yield* show('exit-offer', 'exit-intent')) {
          const converted = rand() < (groups.get('exit-offer') === 'a' ? 0.09 : 0.06)
          yield close('exit-offer', converted ? 'converted' : 'dismissed', converted ? 365 : 7)
        }
      }
      // Come back? Loyal, satisfied, exposed buyers return sooner and more often.
      const stay =
        0.3 + 0.45 * loyalty + (bought ? 0.1 : 0) + (exposed && orders > 0 ? 0.06 : 0) + (promoter ? 0.08 : 0)
      if (rand() > Math.min(0.95, stay)) break
      t += -Math.log(1 - rand()) * DAY * (8 + 40 * (1 - loyalty))
    }
  }
}
