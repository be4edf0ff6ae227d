import type { Tab } from './types'

type Watched = { __seen?: { errors: string[]; logs: string[] } }

/**
 * What a page showed of itself, recorded in the page (WebDriver classic has no console or
 * page-error events): uncaught errors, unhandled rejections, console output. `script` goes first
 * in the page, before linger.js; `read` returns what it saw so far.
 */
export const watchPage = {
  script: `(() => {
  const seen = (window.__seen = { errors: [], logs: [] })
  addEventListener('error', (e) => seen.errors.push(String(e.message) + ' at ' + e.filename + ':' + e.lineno))
  addEventListener('unhandledrejection', (e) => seen.errors.push('unhandled rejection: ' + String(e.reason)))
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level]
    console[level] = (...args) => {
      const text = (a) => { try { return typeof a === 'object' ? JSON.stringify(a) : String(a) } catch { return String(a) } }
      seen.logs.push(level + ': ' + args.map(text).join(' '))
      return original.apply(console, args)
    }
  }
})()`,
  read: (tab: Tab) =>
    tab.evaluate(
      () => (window as unknown as Watched).__seen ?? { errors: ['the watch script did not run'], logs: [] },
    ),
}
