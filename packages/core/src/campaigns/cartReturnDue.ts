import type { Trigger } from '../types'

/**
 * cart-abandon's `return` signal: the cart (still full, so no purchase since) last changed in
 * an earlier session, at least `returnAfterMinutes` (default 60) ago.
 */
export function cartReturnDue(
  t: Trigger,
  changedAt: number | undefined,
  sessionStart: number,
  now: number,
  cartFull: boolean,
): boolean {
  return (
    t.type === 'cart-abandon' &&
    (t.on ?? ['exit-intent', 'idle', 'return']).includes('return') &&
    cartFull &&
    changedAt !== undefined &&
    changedAt < sessionStart &&
    now - changedAt >= (t.returnAfterMinutes ?? 60) * 60_000
  )
}
