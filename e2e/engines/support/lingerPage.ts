import { watchPage } from './watchPage'

/** The README's stub, verbatim. */
export const STUB =
  '<script>window.linger=window.linger||function(){(linger.q=linger.q||[]).push(arguments)}</script>'

export interface PageOptions {
  /** The config, given the way `via` says. */
  config: Record<string, unknown>
  /** `inline` JSON (default), a `data-config` URL (`configUrl`, served by the test), or `init`. */
  via?: 'inline' | 'data-config' | 'init'
  configUrl?: string
  /** Raw JS run after the stub, before linger.js: calls the stub queues. */
  before?: string
  /** linger.js included twice. */
  twice?: boolean
  body?: string
  /** Extra `<head>` markup (e.g. a meta tag). */
  head?: string
  /** Record the page's errors and console first of all (`watchPage.read`). */
  watch?: boolean
}

/** A page with the README's snippet and the shipped linger.js (packages/embed/dist). */
export function lingerPage(o: PageOptions): string {
  const via = o.via ?? 'inline'
  const json = JSON.stringify(o.config).replace(/</g, '\\u003c')
  const calls = [via === 'init' ? `linger('init', ${json})` : '', o.before ?? ''].filter(Boolean).join('\n')
  const dataConfig = via === 'data-config' ? ` data-config="${o.configUrl}"` : ''
  const tag = `<script async src="/embed-dist/linger.js"${dataConfig}></script>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Linger across engines</title>
${o.watch ? `<script>${watchPage.script}</script>` : ''}
${STUB}
${calls ? `<script>${calls}</script>` : ''}
${via === 'inline' ? `<script type="application/json" id="linger-config">${json}</script>` : ''}
${o.head ?? ''}
${tag}${o.twice ? `\n${tag}` : ''}
</head><body><main><h1>Linger across engines</h1><p>A plain page.</p><button id="own">The page's own button</button>
${o.body ?? ''}</main></body></html>`
}
