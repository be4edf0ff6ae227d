import type { EventRow } from './insertEvents'
import { mulberry32 } from './mulberry32'

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
 * A plausible, deterministic shop history: every visitor gets a latent loyalty that drives how
 * often they come back and buy; promoters and visitors shown a campaign (not held out) come back
 * and re-order more, so the retention segments have something to find. Yields rows visitor by
 * visitor, in time order within each visitor.
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
    const assigned = new Map<string, string>() // campaign → 'held-out' | variant
    const row = (
      type: string,
      props: Record<string, unknown> = {},
      campaign?: string,
      variant?: string,
    ): EventRow => {
      t += 1000 + rand() * 40_000
      return {
        id: `${visitor}-${n++}`,
        site: o.site,
        type,
        ts: new Date(t).toISOString(),
        visitor_id: visitor,
        session_id: session,
        user_id: user,
        campaign_id: campaign ?? null,
        variant: variant ?? null,
        url,
        props,
      }
    }
    // First exposure decides the group: ~10 % held out, the rest split between variants a and b.
    const expose = function* (campaign: string): Generator<EventRow, boolean> {
      let group = assigned.get(campaign)
      if (!group) {
        group = rand() < 0.1 ? 'held-out' : rand() < 0.5 ? 'a' : 'b'
        assigned.set(campaign, group)
      }
      if (group === 'held-out') {
        yield row('campaign.held-out', {}, campaign)
        return false
      }
      exposed = true
      yield row('campaign.shown', {}, campaign, group)
      return true
    }

    // A session starts only if it ends (minutes later) before `end`.
    for (let s = 0; t < end - 3_600_000; s++) {
      session = `${visitor}-s${s}`
      url = '/'
      yield row(
        'page.viewed',
        s === 0 ? { referrer: pick(['', 'https://www.google.com/', 'https://instagram.com/']) } : {},
      )
      const pages = 1 + Math.floor(rand() * 5)
      const seen: (typeof PRODUCTS)[number][] = []
      for (let p = 0; p < pages; p++) {
        const product = pick(PRODUCTS)
        seen.push(product)
        url = `/products/${product.id}`
        yield row('page.viewed')
      }
      if (!user && rand() < 0.12 + 0.2 * loyalty) {
        user = `u${o.seed}-${i}`
        yield row('identify', {
          traits: rand() < 0.85 ? { email: `shopper${i}@example.com` } : { plan: 'guest' },
        })
      }
      if (pages >= 2 && !assigned.has('push-optin') && rand() < 0.5) {
        if (yield* expose('push-optin')) {
          if (rand() < 0.4) {
            yield row('push.prompted', {}, 'push-optin')
            if (rand() < 0.6) {
              yield row(
                'push.subscribed',
                { subscription: { endpoint: `https://push.example.com/${visitor}` } },
                'push-optin',
              )
              yield row('campaign.converted', {}, 'push-optin', assigned.get('push-optin'))
            } else yield row('push.denied', {}, 'push-optin')
          } else yield row('campaign.dismissed', {}, 'push-optin', assigned.get('push-optin'))
        }
      }
      // The cart: one to three of the products seen.
      const repeatBoost = orders > 0 ? (exposed ? 1.25 : 1) * (promoter ? 1.35 : 1) : 1
      let bought = false
      if (rand() < 0.25 + 0.35 * loyalty) {
        const items = seen
          .slice(0, 1 + Math.floor(rand() * 3))
          .map((p) => ({ id: p.id, price: p.price, quantity: 1 }))
        const value = Math.round(items.reduce((a, x) => a + x.price, 0) * 100) / 100
        url = '/cart'
        yield row('cart.updated', { items, value, currency: 'EUR', count: items.length })
        bought = rand() < Math.min(0.9, (0.3 + 0.35 * loyalty) * repeatBoost)
        // Attribution as the SDK makes it: a purchase after the cart reminder carries recoveredBy.
        let recoveredBy: Record<string, unknown> | undefined
        if (!bought && value >= 20 && rand() < 0.6 && (yield* expose('cart-rescue'))) {
          bought = rand() < 0.15
          const shownAt = new Date(t).toISOString()
          recoveredBy = {
            campaignId: 'cart-rescue',
            variant: assigned.get('cart-rescue'),
            heldOut: false,
            shownAt,
          }
          yield row(
            bought ? 'campaign.converted' : 'campaign.dismissed',
            {},
            'cart-rescue',
            assigned.get('cart-rescue'),
          )
        }
        if (bought) {
          const orderId = `${o.seed}-${i}-${orders++}`
          url = `/order/${orderId}`
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
          if (rand() < 0.35 && (yield* expose('csat-order'))) {
            const score = Math.max(1, Math.min(5, Math.round(2.5 + 2.5 * loyalty + (rand() - 0.5) * 2)))
            yield row(
              'survey.answered',
              { survey: 'csat', score, scale: 5 },
              'csat-order',
              assigned.get('csat-order'),
            )
          }
        }
      } else if (url.startsWith('/products/') && !assigned.has('exit-offer') && rand() < 0.4) {
        if (yield* expose('exit-offer')) {
          const converted = rand() < 0.08
          yield row(
            converted ? 'campaign.converted' : 'campaign.dismissed',
            {},
            'exit-offer',
            assigned.get('exit-offer'),
          )
          if (converted)
            yield row('cart.updated', { items: [], value: 0, currency: 'EUR', count: 0, coupon: 'WELCOME10' })
        }
      }
      if (s >= 1 && !assigned.has('nps-main') && rand() < 0.3 && (yield* expose('nps-main'))) {
        if (rand() < 0.55) {
          const score = Math.max(0, Math.min(10, Math.round(loyalty * 10 + (rand() - 0.4) * 4)))
          promoter = score >= 9
          yield row(
            'survey.answered',
            { survey: 'nps', score, scale: 10 },
            'nps-main',
            assigned.get('nps-main'),
          )
        } else yield row('campaign.dismissed', {}, 'nps-main', assigned.get('nps-main'))
      }
      // Come back? Loyal, satisfied, exposed buyers return sooner and more often.
      const stay =
        0.3 + 0.45 * loyalty + (bought ? 0.1 : 0) + (exposed && orders > 0 ? 0.06 : 0) + (promoter ? 0.08 : 0)
      if (rand() > Math.min(0.95, stay)) break
      t += -Math.log(1 - rand()) * DAY * (8 + 40 * (1 - loyalty))
    }
  }
}
