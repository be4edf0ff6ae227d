import type { ConfigIssue } from '../types'

/**
 * Warn about each config problem: `linger: <path>: <message>` in development, only
 * `linger: <path> <code>` in production builds (the prose is for people reading a dev console).
 */
export function reportIssues(issues: ConfigIssue[], onIssue?: (issue: ConfigIssue) => void): void {
  for (const i of issues) {
    console.warn(
      process.env.NODE_ENV === 'production'
        ? `linger: ${i.path} ${i.code}`
        : `linger: ${i.path}: ${i.message}`,
    )
    onIssue?.(i)
  }
}
