/** A URL as rules may name it: the full URL, path with query, path, and host. Empty → none. */
export function urlForms(url: string): string[] {
  if (!url) return []
  try {
    const u = new URL(url)
    return [u.href, u.pathname + u.search, u.pathname, u.host]
  } catch {
    return [url]
  }
}
