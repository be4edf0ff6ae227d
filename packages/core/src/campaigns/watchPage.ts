import { readDataLayer } from '../cart/readDataLayer'
import { onRouteChange } from '../sensors/onRouteChange'
import type { CampaignsState } from './CampaignsState'

/**
 * The page-level listeners of a running Linger: the first interaction (it lifts the
 * interstitial guard), the data layer and the opt-in Shopify cart, and SPA route changes.
 * Returns the stop functions.
 */
export function watchPage(
  state: CampaignsState,
  onInteract: () => void,
  onRoute: () => void,
): Array<() => void> {
  const { win, config, options } = state
  const stops: Array<() => void> = []
  const types = ['pointerdown', 'keydown']
  const off = () => {
    for (const t of types) win.removeEventListener(t, on, true)
  }
  const on = () => {
    state.interacted = true
    off()
    onInteract()
  }
  for (const t of types) win.addEventListener(t, on, true)
  stops.push(off, onRouteChange(onRoute, { window: win }))
  const dl = config?.cart?.dataLayer
  if (dl !== false)
    stops.push(
      readDataLayer(win, {
        ...(typeof dl === 'string' && { name: dl }),
        onCart: state.cart.apply,
        onPurchase: state.cart.purchase,
      }),
    )
  if (config?.cart?.shopify)
    options.loadShopify?.().then(
      (m) => {
        m.readShopifyCart().then((c) => c && state.cart.set(c))
        stops.push(m.watchShopifyCart(win, state.cart.set))
      },
      () => {},
    )
  return stops
}
