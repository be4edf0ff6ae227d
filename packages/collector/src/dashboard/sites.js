// The sites the collector holds events for (GET /v1/sites), for the Site field: suggestions,
// and its default when the visitor has not picked one.

/**
 * The site ids, most recently visited first; [] when the list can't be had (an older collector),
 * `null` when the token was refused.
 */
export async function fetchSites(token) {
  try {
    const res = await fetch('/v1/sites', { headers: { authorization: `Bearer ${token}` } })
    if (res.status === 401) return null
    if (!res.ok) return []
    const body = await res.json()
    return Array.isArray(body?.sites) ? body.sites.map((s) => String(s.site)) : []
  } catch {
    return []
  }
}
