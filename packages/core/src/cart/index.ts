export { applyDelta } from './applyDelta'
export { type CartRule, cartMatches } from './cartMatches'
export { cartVars } from './cartVars'
export { createCart } from './createCart'
export { type DataLayerOptions, readDataLayer } from './readDataLayer'
export { toCart } from './toCart'
export type {
  CartChannel,
  CartDelta,
  CartEmit,
  CartExposure,
  CartOptions,
  CartState,
  CartStore,
  RecoveredBy,
} from './types'
