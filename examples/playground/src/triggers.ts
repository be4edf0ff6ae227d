import type { Campaign } from '@linger/core/types'

/** The triggers a marketer can simulate in the playground. */
export type Simulated = 'exit-intent' | 'idle' | 'scroll' | 'time' | 'pageview' | 'click' | 'return'

/**
 * Which campaigns a simulated moment would show, highest priority first. Cart-abandon
 * campaigns need the simulated cart and one of their `on` moments.
 */
export function campaignsFor(moment: Simulated, campaigns: Campaign[], cartItems: number): Campaign[] {
  return campaigns
    .filter((c) => {
      const t = c.trigger
      if (t.type === 'cart-abandon') {
        const on = t.on ?? ['exit-intent', 'idle']
        return cartItems > 0 && on.includes(moment as 'exit-intent' | 'idle' | 'return')
      }
      if (moment === 'pageview') return t.type === 'pageview' || t.type === 'pageviews'
      return t.type === moment
    })
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))
}
