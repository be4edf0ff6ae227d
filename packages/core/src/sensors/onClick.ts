import { listen, noop } from './listen'

export interface ClickOptions {
  /** CSS selector; a click on the element or inside it counts. */
  selector: string
  window?: Window
}

/**
 * Calls `cb` with the matching element on every click on `selector` (delegated, so elements
 * added later count). An invalid selector subscribes nothing and never throws: config
 * validation reports it, the page must not break. Returns `dispose`.
 */
export function onClick(
  cb: (d: { element: Element }) => void,
  { selector, window: w = globalThis.window }: ClickOptions,
): () => void {
  if (!w) return noop
  const d = w.document
  try {
    d.querySelector(selector)
  } catch {
    return noop
  }
  return listen(d, {
    click(e: Event) {
      // Text nodes and the document have no closest().
      const element = (e.target as Element).closest?.(selector)
      if (element) cb({ element })
    },
  })
}
