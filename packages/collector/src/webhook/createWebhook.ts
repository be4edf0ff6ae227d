import { createHmac } from 'node:crypto'
import type { LingerEvent } from '../../../core/src/types'
import { answerText } from './answerText'

/** `answers`: every survey answer; `detractors`: NPS answers 0–6 only. */
export type WebhookFilter = 'answers' | 'detractors'

export interface WebhookOptions {
  url: string
  /** Signs each body: `X-Linger-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  secret: string
  filter?: WebhookFilter
  fetch?: typeof fetch
  /** Answers waiting at most; beyond it the oldest are dropped and counted (default 1000). */
  maxQueue?: number
  /** Tries per answer (default 6); the first retry after `retryBaseMs` (default 1000), doubling, full jitter, cap 60 s. */
  maxAttempts?: number
  retryBaseMs?: number
  /** A request that has not answered after this long counts as failed (default 10 s). */
  timeoutMs?: number
  random?: () => number
  onError?: (code: 'rejected' | 'gave-up' | 'overflow', detail: unknown) => void
}

export interface Webhook {
  /** Queues the survey answers among events the collector stored for the first time. Never waits, never throws. */
  push(events: LingerEvent[]): void
  /** Resolves once everything queued was delivered or given up. */
  flush(): Promise<void>
  stats(): { queued: number; sent: number; dropped: number; requests: number }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms).unref?.())

/** The signature header's value for `body`. */
export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/**
 * POSTs each survey answer (or each NPS detractor) to a webhook, one answer per request, as
 * `{ text, event }` — `text` is what Slack's incoming webhooks show — signed with HMAC-SHA256
 * of the body. A bounded queue in memory, one request at a time, each with a timeout: ingest
 * only appends to the queue, so a slow or hanging webhook never slows it down. Retries network
 * errors, 408, 429 and 5xx with back-off; what is queued when the process stops is not sent
 * (the answers stay in the database).
 */
export function createWebhook(o: WebhookOptions): Webhook {
  const { maxQueue = 1000, maxAttempts = 6, retryBaseMs = 1000, timeoutMs = 10_000, random = Math.random } = o
  const send = o.fetch ?? fetch
  const queue: LingerEvent[] = []
  const stats = { sent: 0, dropped: 0, requests: 0 }
  let running: Promise<void> | undefined

  const wanted = (e: LingerEvent) =>
    e.type === 'survey.answered' &&
    (o.filter !== 'detractors' || (e.props?.survey === 'nps' && (e.props.score as number) <= 6))

  const deliver = async (e: LingerEvent) => {
    const body = JSON.stringify({ text: answerText(e), event: e })
    const headers = { 'content-type': 'application/json', 'x-linger-signature': signature(o.secret, body) }
    for (let attempt = 1; ; attempt++) {
      let status = 0
      try {
        stats.requests++
        const res = await send(o.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        status = res.status
        await res.body?.cancel()
      } catch {}
      if (status >= 200 && status < 300) {
        stats.sent++
        return
      }
      const retryable = !status || status === 408 || status === 429 || status >= 500
      if (!retryable || attempt >= maxAttempts) {
        stats.dropped++
        return o.onError?.(retryable ? 'gave-up' : 'rejected', { status, event: e.id })
      }
      await sleep(random() * Math.min(60_000, retryBaseMs * 2 ** (attempt - 1)))
    }
  }

  const drain = () =>
    (running ??= (async () => {
      try {
        while (queue.length) {
          await deliver(queue[0]!)
          queue.shift()
        }
      } finally {
        running = undefined
      }
    })())

  return {
    push(events) {
      try {
        const fresh = events.filter(wanted)
        if (!fresh.length) return
        queue.push(...fresh)
        // Over the cap: drop the oldest waiting, never the one in flight at the head.
        const cut = queue.splice(1, Math.max(0, queue.length - maxQueue)).length
        if (cut) {
          stats.dropped += cut
          o.onError?.('overflow', cut)
        }
        void drain()
      } catch {}
    },
    async flush() {
      while (queue.length) await drain()
    },
    stats: () => ({ queued: queue.length, ...stats }),
  }
}
