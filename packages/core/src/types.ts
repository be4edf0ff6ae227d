/**
 * Public shapes shared by every Linger package, by domain: the config a marketer writes
 * (config/types.ts, derived from the config definition), the cart and orders a site reports
 * (cart/commerce.ts), and the events an endpoint receives (wire/event.ts, also published as
 * `@linger/core/wire`). Field names follow docs/contract.md; keep them.
 */

export type * from './cart/commerce'
export type * from './config/types'
export type { Batch, EventType, LingerEvent } from './wire/event'
