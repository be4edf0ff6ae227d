/**
 * Where the script tag's config comes from, first match wins: a queued `linger('init', config)`,
 * an inline `<script type="application/json" id="linger-config">`, or the `data-config` URL
 * (fetched without credentials). A config that can't be read is logged and `undefined` is
 * returned, so events still flow to `data-endpoint`.
 */
export async function configFromPage(
  queued: ReadonlyArray<readonly unknown[]>,
  script: HTMLScriptElement | null,
): Promise<unknown> {
  const initCall = queued.find((call) => call[0] === 'init')
  if (initCall) return initCall[1]
  try {
    const inline = document.getElementById('linger-config')
    if (inline) return JSON.parse(inline.textContent!)
    const url = script?.dataset.config
    if (url) {
      const response = await fetch(new URL(url, location.href), { credentials: 'omit' })
      if (!response.ok) throw response.status
      return await response.json()
    }
  } catch (error) {
    console.error('linger: config could not be read', error)
  }
}
