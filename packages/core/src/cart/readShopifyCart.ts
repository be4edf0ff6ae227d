import type { Cart } from '../types'

// Shopify keeps every amount in hundredths, currencies without subunits included: "1000
// Japanese yen is output as 100000" (shopify.dev, Liquid `discount` object; cart.js uses
// the same money values, and every theme's formatMoney divides by 100). So it is always
// /100, not /10^(ISO fraction digits).
const major = (x: unknown) => Math.round(Number(x) || 0) / 100

/**
 * Reads the Shopify cart (`GET /cart.js`). Resolves the cart (items may be empty) when the
 * store answered, `undefined` when it did not (network error, non-2xx, not a cart), so a
 * failed read never empties the visitor's cart. Never rejects.
 */
export async function readShopifyCart(fetchFn: typeof fetch = fetch, base = ''): Promise<Cart | undefined> {
  try {
    const r = await fetchFn(`${base}/cart.js`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
    const j = r.ok ? await r.json() : undefined
    if (!j || !Array.isArray(j.items)) return undefined
    return {
      // biome-ignore lint/suspicious/noExplicitAny: the response is Shopify's JSON.
      items: j.items.map((i: any) => {
        const quantity = Number(i.quantity) || 0
        return {
          id: String(i.variant_id ?? i.id),
          name: i.product_title ?? i.title,
          // Unit price after line discounts.
          price:
            i.final_line_price != null && quantity ? major(i.final_line_price / quantity) : major(i.price),
          quantity,
          image: i.image || undefined,
          url: i.url || undefined,
        }
      }),
      value: major(j.total_price),
      currency: String(j.currency ?? ''),
    }
  } catch {
    return undefined
  }
}
