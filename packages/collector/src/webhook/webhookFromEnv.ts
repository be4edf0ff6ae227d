import { createWebhook, type Webhook, type WebhookFilter } from './createWebhook'

const FILTERS = ['answers', 'detractors']

/**
 * The webhook the environment asks for: `LINGER_WEBHOOK_URL` (http or https),
 * `LINGER_WEBHOOK_SECRET` (required: every body is signed) and `LINGER_WEBHOOK_FILTER`
 * (`answers`, the default, or `detractors`). Undefined without a URL; throws naming the
 * variable when the settings cannot work.
 */
export function webhookFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  fetcher?: typeof fetch,
): Webhook | undefined {
  const url = env.LINGER_WEBHOOK_URL?.trim()
  if (!url) return undefined
  if (!/^https?:\/\/[^/]/.test(url))
    throw new Error(`LINGER_WEBHOOK_URL must be an http(s) URL; got "${url}"`)
  const secret = env.LINGER_WEBHOOK_SECRET ?? ''
  if (secret.length < 16)
    throw new Error('LINGER_WEBHOOK_SECRET is required with LINGER_WEBHOOK_URL (at least 16 characters)')
  const filter = env.LINGER_WEBHOOK_FILTER?.trim() || 'answers'
  if (!FILTERS.includes(filter))
    throw new Error(`LINGER_WEBHOOK_FILTER must be one of ${FILTERS.join(', ')}; got "${filter}"`)
  return createWebhook({
    url,
    secret,
    filter: filter as WebhookFilter,
    ...(fetcher && { fetch: fetcher }),
    onError: (code, detail) => console.error(`linger collector: webhook ${code}`, detail),
  })
}
