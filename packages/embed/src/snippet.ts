/** The stub from docs/contract.md: queues calls made before linger.js has loaded. */
export const STUB = 'window.linger=window.linger||function(){(linger.q=linger.q||[]).push(arguments)}'

export interface SnippetOptions {
  /** Where linger.js is hosted. */
  src: string
  /** Subresource Integrity hash printed by the embed build (dist/manifest.json). */
  integrity?: string
  /** URL of the JSON config, or the config itself to inline as a JSON block. */
  config?: string | object
  endpoint?: string
  consentRequired?: boolean
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The HTML a site owner pastes before `</head>`. */
export function snippet({ src, integrity, config, endpoint, consentRequired }: SnippetOptions): string {
  const attrs = [`async src="${escapeAttr(src)}"`]
  if (integrity) attrs.push(`integrity="${escapeAttr(integrity)}" crossorigin="anonymous"`)
  if (typeof config === 'string') attrs.push(`data-config="${escapeAttr(config)}"`)
  if (endpoint) attrs.push(`data-endpoint="${escapeAttr(endpoint)}"`)
  if (consentRequired) attrs.push('data-consent="required"')
  const lines = [`<script>${STUB}</script>`]
  if (config && typeof config === 'object') {
    // `<` escaped so a `</script>` inside marketer text cannot end the JSON block.
    const json = JSON.stringify(config, null, 2).replace(/</g, '\\u003c')
    lines.push(`<script type="application/json" id="linger-config">${json}</script>`)
  }
  lines.push(`<script ${attrs.join(' ')}></script>`)
  return lines.join('\n')
}
