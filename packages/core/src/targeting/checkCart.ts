import { cartMatches } from '../cart/index'
import type { Audience, Cart } from '../types'
import { no } from './decision'
import type { Check } from './types'

/** Cart value, item count and contents; no cart counts as an empty one. */
export function checkCart(want: Audience['cart'], cart: Cart | undefined): Check {
  if (want && !cartMatches(cart, want)) return no('cart')
}
