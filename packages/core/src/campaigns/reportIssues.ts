import type { ConfigIssue } from '../types'

// Typed here, not through Node's types: the package must build and type-check for the browser.
declare const process: { env: Record<string, string | undefined> }

/**
 * Warn about each config problem: `linger: <path>: <message>` in development, only
 * `linger: <path> <code>` in production builds (the prose is for people reading a dev console).
 */
export function reportIssues(issues: ConfigIssue[], onIssue?: (issue: ConfigIssue) => void): void {
  let production = false
  // Bundlers replace process.env.NODE_ENV; an unbundled browser ESM has no `process` at all.
  try {
    production = process.env.NODE_ENV === 'production'
  } catch {}
  for (const i of issues) {
    console.warn(production ? `linger: ${i.path} ${i.code}` : `linger: ${i.path}: ${i.message}`)
    onIssue?.(i)
  }
}
