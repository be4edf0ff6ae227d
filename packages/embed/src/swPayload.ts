/** The push payload Linger's collector sends (JSON, at most ~3 KB). */
export interface LingerPush {
  /** Marks the push as Linger's, so a site's own pushes are left to its own worker code. */
  linger: true
  title: string
  body?: string
  icon?: string
  url?: string
  site?: string
  campaignId?: string
  tag?: string
}

/**
 * Turns a push payload into a notification, or `undefined` when it isn't Linger's. The URL
 * opened on click must be http(s) on any origin, or relative to the worker's origin.
 */
export function notificationFromPush(
  payload: unknown,
  origin: string,
): { title: string; options: Record<string, unknown> } | undefined {
  const p = payload as Partial<LingerPush> | null
  if (p?.linger !== true || typeof p.title !== 'string') return undefined
  let url: string | undefined
  try {
    const parsed = new URL(typeof p.url === 'string' ? p.url : '/', origin)
    url = /^https?:$/.test(parsed.protocol) ? parsed.href : undefined
  } catch {}
  const data: LingerPush = {
    linger: true,
    title: p.title,
    ...(url && { url }),
    ...(typeof p.site === 'string' && { site: p.site }),
    ...(typeof p.campaignId === 'string' && { campaignId: p.campaignId }),
    ...(typeof p.tag === 'string' && { tag: p.tag }),
  }
  return {
    title: p.title,
    options: {
      body: typeof p.body === 'string' ? p.body : undefined,
      icon: typeof p.icon === 'string' ? p.icon : undefined,
      tag: data.tag,
      data,
    },
  }
}
