import type { ConfigIssue, LingerConfig } from '../types'

// Typed here, not through Node's types: the package must build and type-check for the browser.
declare const process: { env: Record<string, string | undefined> }

/**
 * Warn about config problems without flooding the console: one `linger: <path>: <message>` line
 * per broken campaign (or top-level field), naming the campaign, what became of it and how to
 * see every problem (`?linger_debug=1`); in debug mode, one line per problem, with its prose.
 * Otherwise production builds print the code instead of the prose. Every issue goes to `onIssue`.
 */
export function reportIssues(
  issues: ConfigIssue[],
  {
    input,
    config,
    debug = false,
    onIssue,
  }: { input?: unknown; config?: LingerConfig; debug?: boolean; onIssue?: (issue: ConfigIssue) => void } = {},
): void {
  let production = false
  // Bundlers replace process.env.NODE_ENV; an unbundled browser ESM has no `process` at all.
  try {
    production = process.env.NODE_ENV === 'production'
  } catch {}
  const line = (i: ConfigIssue) =>
    production && !debug ? `linger: ${i.path} ${i.code}` : `linger: ${i.path}: ${i.message}`
  for (const i of issues) onIssue?.(i)
  if (debug) {
    for (const i of issues) console.warn(line(i))
    return
  }
  // Issues by what they break: `campaigns[3]…` by campaign, the others by their top-level field.
  const groups = new Map<string, ConfigIssue[]>()
  for (const i of issues) {
    const key = i.path.match(/^campaigns\[\d+\]|^[^.[]*/)![0]
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  }
  // The raw config names each campaign (its broken ones are not in `config`); a hostile object
  // may throw on reading, which must not stop the warnings.
  let ids: unknown[] = []
  try {
    ids = (input as { campaigns: { id?: unknown }[] }).campaigns.map((c) => c?.id)
  } catch {}
  for (const [key, [first, ...more]] of groups) {
    const index = key.match(/^campaigns\[(\d+)\]$/)?.[1]
    let what = config ? `\`${key}\`` : 'no campaign runs'
    if (index !== undefined) {
      const id = ids[Number(index)]
      const named = typeof id === 'string' && id ? `"${id.slice(0, 60)}"` : `#${index}`
      // Kept only if the valid config holds its id and no earlier campaign took it first.
      const kept = config?.campaigns.some((c) => c.id === id) && ids.indexOf(id) === Number(index)
      what = `campaign ${named}${kept ? '' : ' skipped'}`
    }
    const others = more.length ? `, ${more.length} more problem(s)` : ''
    console.warn(`${line(first!)} (${what}${others}; add ?linger_debug=1 to the URL for details)`)
  }
}
