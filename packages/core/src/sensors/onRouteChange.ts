import { listen, noop } from './listen'

type HistoryMethod = 'pushState' | 'replaceState'

/**
 * Calls `cb` with the new `location.href` after every SPA navigation that changed it:
 * `history.pushState`/`replaceState` (wrapped) and `popstate`/`hashchange`. Dispose restores
 * the originals when nobody wrapped them after us; otherwise our wrapper stays as a
 * pass-through, so another library's wrapper keeps working. Returns `dispose`.
 */
export function onRouteChange(
  cb: (url: string) => void,
  { window: w = globalThis.window }: { window?: Window } = {},
): () => void {
  if (!w) return noop
  const h = w.history
  let last = w.location.href
  let live = true
  const check = () => {
    const url = w.location.href
    if (live && url !== last) {
      last = url
      cb(url)
    }
  }
  const wrap = (name: HistoryMethod) => {
    const original = h[name]
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args)
      check()
      return result
    }
    h[name] = wrapper
    return () => {
      if (h[name] === wrapper) h[name] = original
    }
  }
  const restore = [wrap('pushState'), wrap('replaceState')]
  const off = listen(w, { popstate: check, hashchange: check }, false)
  return () => {
    live = false
    off()
    for (const r of restore) r()
  }
}
