// Opt-in Shopify adapter (`config.cart.shopify`), kept out of the core bundle.
export { readShopifyCart } from './readShopifyCart'
export { watchShopifyCart } from './watchShopifyCart'
