import { focusables } from './focusables'

/** Keeps Tab and Shift+Tab inside `box` by wrapping at either end (WAI-ARIA modal dialog). */
export function trapTab(e: KeyboardEvent, box: HTMLElement): void {
  const all = focusables(box)
  const active = (box.getRootNode() as ShadowRoot).activeElement
  const edge = e.shiftKey ? all[0] : all[all.length - 1]
  if (active === edge || !all.includes(active as HTMLElement)) {
    e.preventDefault()
    ;(e.shiftKey ? all[all.length - 1] : all[0])?.focus()
  }
}
