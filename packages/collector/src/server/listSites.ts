import type { Queryable } from '../db'

// The distinct sites by a skip scan over the (site, type, ts) index, one short lookup per site,
// rather than a scan of every event; each site's latest page view from the same index.
const SITES = `
  with recursive s(site) as (
    (select site from events order by site limit 1)
    union all
    select (select e.site from events e where e.site > s.site order by e.site limit 1)
    from s where s.site is not null
  )
  select site, (select max(ts) from events e where e.site = s.site and e.type = 'page.viewed') as last
  from s where site is not null
  order by last desc nulls last, site
  limit 200`

/** `GET /v1/sites`: the sites the collector holds events for, the most recently visited first. */
export async function listSites(
  db: Queryable,
): Promise<{ sites: Array<{ site: string; lastPageView: string | null }> }> {
  const { rows } = await db.query<{ site: string; last: Date | string | null }>(SITES)
  return {
    sites: rows.map((r) => ({
      site: r.site,
      lastPageView: r.last === null ? null : new Date(r.last).toISOString(),
    })),
  }
}
