// linger-shopify.js: the opt-in Shopify cart adapter (config `cart.shopify: true`).
export * from '@linger/core/cart/shopify'
