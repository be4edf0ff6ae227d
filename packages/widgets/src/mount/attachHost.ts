import { css } from './css'

const sheets = new WeakMap<Document, CSSStyleSheet>()

/**
 * Appends a `<linger-widget>` host (to `parent` for inline widgets, else to `<body>`: axe and
 * Lighthouse only audit inside `<body>`, so a host on `<html>` would go unchecked; the price is
 * that a page transforming `<body>` moves fixed widgets with it) and attaches an open shadow root
 * styled with a constructed stylesheet: no inline `<style>`, so a strict CSP without
 * 'unsafe-inline' still applies it. A `<style>` element is only the fallback for browsers
 * without constructable stylesheets.
 */
export function attachHost(doc: Document, parent?: Element | null): { el: HTMLElement; root: ShadowRoot } {
  const el = doc.createElement('linger-widget')
  if (parent) el.setAttribute('inline', '')
  ;(parent ?? doc.body ?? doc.documentElement).appendChild(el)
  const root = el.attachShadow({ mode: 'open' })
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet
  let sheet = sheets.get(doc)
  try {
    if (!sheet && Sheet && 'adoptedStyleSheets' in root) {
      sheet = new Sheet()
      sheet.replaceSync(css)
      sheets.set(doc, sheet)
    }
  } catch {}
  if (sheet) root.adoptedStyleSheets = [sheet]
  else root.appendChild(doc.createElement('style')).textContent = css
  return { el, root }
}
