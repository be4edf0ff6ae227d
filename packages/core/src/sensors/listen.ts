/** Shared by sensors whose environment has no window (SSR): subscribing does nothing. */
export const noop = (): void => {}

// biome-ignore lint/suspicious/noExplicitAny: handlers receive the concrete event type of their key.
type Handlers = Record<string, (e: any) => void>

/**
 * Adds passive listeners and returns one function that removes them all, so each sensor's
 * dispose is a single call. Capture by default: pages that stop propagation can't blind us.
 */
export function listen(target: EventTarget, handlers: Handlers, capture = true): () => void {
  const o = { capture, passive: true }
  const each = (add: boolean) => {
    for (const type in handlers)
      target[add ? 'addEventListener' : 'removeEventListener'](type, handlers[type]!, o)
  }
  each(true)
  return () => each(false)
}
