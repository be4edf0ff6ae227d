/** Ref callback that focuses the element when it mounts (a step replaced the focused control). */
export function focusSelf(el: HTMLElement | null): void {
  el?.focus()
}
