import { readFile } from 'node:fs/promises'
import type { Context } from 'hono'

const dir = new URL('../dashboard/', import.meta.url)
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
}
// The dashboard builds its DOM with createElement/textContent, so it runs under a CSP that
// allows nothing but its own files and its own API.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/** Serves `src/dashboard/<name>.{html,js,css}` (flat names only), or 404. */
export async function serveDashboard(c: Context, name: string): Promise<Response> {
  const ext = /^[a-z][a-z0-9-]*\.(html|js|css)$/.exec(name)?.[1]
  if (!ext) return c.notFound()
  try {
    const body = await readFile(new URL(name, dir))
    return c.body(body, 200, {
      'Content-Type': TYPES[ext]!,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    })
  } catch {
    return c.notFound()
  }
}
