import { focusables } from './focusables'

/**
 * Ref callback that moves focus to the first control inside the element when it mounts.
 * Module-level on purpose: preact re-runs a ref only when its identity changes.
 */
export function focusFirst(el: HTMLElement | null): void {
  if (el) focusables(el)[0]?.focus()
}
