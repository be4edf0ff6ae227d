import type { LingerEvent } from '@linger/core/wire'
import type { Queryable } from '../db'

interface SubscriptionJson {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

/**
 * Keeps `push_subscriptions` in step with newly stored events, in time order: `push.subscribed`
 * (props.subscription = PushSubscriptionJSON) inserts or replaces the site's row for its endpoint,
 * `push.unsubscribed` (props.subscription or props.endpoint) deletes it.
 */
export async function savePushSubscriptions(tx: Queryable, events: LingerEvent[]): Promise<void> {
  const relevant = events
    .filter((e) => e.type === 'push.subscribed' || e.type === 'push.unsubscribed')
    .sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts))
  for (const e of relevant) {
    const sub = e.props?.subscription as SubscriptionJson | undefined
    if (e.type === 'push.subscribed' && sub) {
      await tx.query(
        `insert into push_subscriptions (endpoint, keys, site, visitor_id, user_id, campaign_id, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (site, endpoint) do update set keys = excluded.keys,
           visitor_id = excluded.visitor_id, user_id = excluded.user_id,
           campaign_id = excluded.campaign_id, created_at = excluded.created_at`,
        [
          sub.endpoint,
          JSON.stringify(sub.keys),
          e.site,
          e.visitorId,
          e.userId ?? null,
          e.campaignId ?? null,
          e.ts,
        ],
      )
    } else if (e.type === 'push.unsubscribed') {
      const endpoint = sub?.endpoint ?? e.props?.endpoint
      if (typeof endpoint === 'string')
        await tx.query('delete from push_subscriptions where endpoint = $1 and site = $2', [endpoint, e.site])
    }
  }
}
