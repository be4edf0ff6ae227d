/** Who may write which site's events, read from LINGER_ORIGINS. */
export interface WriteOrigins {
  /** No list at all: anyone may write (a local demo); the collector says so when it starts. */
  open: boolean
  /** Every origin named, for CORS (`*` when any origin may write). */
  cors: string[]
  /** Whether a batch for `site` sent with this `Origin` header (undefined: none) may be stored. */
  allows(site: string, origin: string | undefined): boolean
}

const originOf = (entry: string, text: string) => {
  const trimmed = text.trim().replace(/\/+$/, '')
  try {
    const url = new URL(trimmed)
    if (url.origin === trimmed) return trimmed
  } catch {}
  throw new Error(`LINGER_ORIGINS: "${entry}" is not an origin (https://host[:port]) or site=origin`)
}

/**
 * Parses LINGER_ORIGINS entries: `https://shop.example` may write any site, `shop=https://shop.example`
 * only the site `shop`, `*` anyone. With a list, ingest enforces it: a batch is stored only when
 * the browser's `Origin` header (sent on every fetch and beacon POST) is listed for its site, so
 * a request without one is refused too. Without a list, ingest is open.
 */
export function writeOrigins(entries: readonly string[]): WriteOrigins {
  const anySite = new Set<string>()
  const perSite = new Map<string, Set<string>>()
  let any = false
  for (const raw of entries) {
    const entry = raw.trim()
    if (!entry) continue
    if (entry === '*') {
      any = true
      continue
    }
    const eq = entry.indexOf('=')
    if (eq < 0) {
      anySite.add(originOf(entry, entry))
      continue
    }
    const site = entry.slice(0, eq).trim()
    if (!site) throw new Error(`LINGER_ORIGINS: "${entry}" names no site before "="`)
    const set = perSite.get(site) ?? new Set()
    set.add(originOf(entry, entry.slice(eq + 1)))
    perSite.set(site, set)
  }
  const open = anySite.size === 0 && perSite.size === 0 && !any
  return {
    open,
    cors: any ? ['*'] : [...new Set([...anySite, ...[...perSite.values()].flatMap((s) => [...s])])],
    allows: (site, origin) =>
      open || any || (origin !== undefined && (anySite.has(origin) || !!perSite.get(site)?.has(origin))),
  }
}
