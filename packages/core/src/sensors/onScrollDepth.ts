import { listen, noop } from './listen'

export interface ScrollDepthOptions {
  /** 0–100: share of the document height that the bottom of the viewport must reach. */
  percent: number
  window?: Window
}

/**
 * Calls `cb` once, with the depth reached (0–100, rounded), when the bottom of the viewport
 * passes `percent` of the document height. A page that fits the viewport counts as 100 %
 * once loaded. Returns `dispose`.
 */
export function onScrollDepth(
  cb: (d: { percent: number }) => void,
  { percent, window: w = globalThis.window }: ScrollDepthOptions,
): () => void {
  if (!w) return noop
  const d = w.document
  const check = () => {
    const depth = Math.min(100, ((w.scrollY + w.innerHeight) / (d.documentElement.scrollHeight || 1)) * 100)
    if (depth >= percent) {
      off()
      cb({ percent: Math.round(depth) })
    }
  }
  // Until `load`, images and late content can still make the page taller: measuring early
  // would call a long page 100 % visible.
  const off = listen(w, { scroll: check, resize: check, load: check }, false)
  if (d.readyState === 'complete') check()
  return off
}
