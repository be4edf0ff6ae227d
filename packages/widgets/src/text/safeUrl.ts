const allowed = /^(https?|mailto|tel):$/

/**
 * `url` when it is http(s):, mailto:, tel: or relative, else `undefined`. Parsed with the
 * WHATWG URL parser, as the browser will, so `java\tscript:` or ` javascript:` are caught.
 */
export function safeUrl(url: unknown): string | undefined {
  if (!url) return
  const s = String(url)
  try {
    if (allowed.test(new URL(s, 'http://l/').protocol)) return s
  } catch {}
}
