import {
  type EncoderFactory,
  type LingerEvent,
  posthogEncoder,
  rudderstackEncoder,
  segmentEncoder,
} from '@linger/core/wire'

export type RelayFormat = 'segment' | 'rudderstack' | 'posthog'

// The browser's mappings, so a warehouse fed by the relay sees what a site sending straight
// from the browser would send (same names, same messageId / uuid).
const ENCODERS: Record<RelayFormat, EncoderFactory> = {
  segment: segmentEncoder,
  rudderstack: rudderstackEncoder,
  posthog: posthogEncoder,
}

export interface RelayOptions {
  format: RelayFormat
  /** Batch URL or origin (Segment, PostHog) / data plane URL (RudderStack). */
  url?: string
  writeKey: string
  fetch?: typeof fetch
  /** Events per request (default 100) and Linger JSON bytes per request (default 256 KiB, under Segment's 500 KB). */
  maxEvents?: number
  maxBytes?: number
  /** Wait at most this long for a batch to fill (default 1000 ms). */
  intervalMs?: number
  /** Events held in memory at most; beyond it the oldest are dropped and counted (default 10 000). */
  maxBuffer?: number
  /** Tries per batch (default 8), first retry after `retryBaseMs` (default 1000), doubling, full jitter, cap 60 s. */
  maxAttempts?: number
  retryBaseMs?: number
  random?: () => number
  /** Told about batches given up (4xx, tries exhausted) and buffer overflow. */
  onError?: (code: 'rejected' | 'gave-up' | 'overflow', detail: unknown) => void
}

export interface RelayStats {
  queued: number
  sent: number
  dropped: number
  requests: number
}

export interface Relay {
  /** Queues events the collector stored for the first time. Never waits, never throws. */
  push(events: LingerEvent[]): void
  /** Sends everything queued now (retrying as configured); resolves when the buffer is empty. */
  flush(): Promise<void>
  /** Flushes, then stops the timer. */
  close(): Promise<void>
  stats(): RelayStats
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms).unref?.())

/**
 * Forwards what the collector accepted to Segment, RudderStack or PostHog, in batches, with
 * retry. Memory only and one request at a time: an at-least-once hop whose duplicates the
 * pipeline removes by `messageId` / `uuid`; what is in memory when the process dies is not
 * relayed (it is stored in the collector's database all the same).
 */
export function createRelay(o: RelayOptions): Relay {
  const { maxEvents = 100, maxBytes = 262144, intervalMs = 1000, maxBuffer = 10000 } = o
  const { maxAttempts = 8, retryBaseMs = 1000, random = Math.random, onError } = o
  const send = o.fetch ?? fetch
  const encode = ENCODERS[o.format]({
    endpoint: o.url,
    writeKey: o.writeKey,
    onDebug: (code, n) => onError?.('rejected', { code, events: n }),
  })
  // Server to server, the documented authentication: HTTP Basic with the write key as user.
  const auth: Record<string, string> =
    o.format === 'posthog'
      ? {}
      : { authorization: `Basic ${Buffer.from(`${o.writeKey}:`).toString('base64')}` }
  const buffer: LingerEvent[] = []
  const stats = { sent: 0, dropped: 0, requests: 0 }
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let inflight = 0 // events at the head of the buffer in the request now being tried

  const take = () => {
    let bytes = 0
    let n = 0
    while (n < buffer.length && n < maxEvents) {
      bytes += Buffer.byteLength(JSON.stringify(buffer[n]))
      if (n && bytes > maxBytes) break
      n++
    }
    return buffer.slice(0, n)
  }

  /** Tries one batch until a 2xx, a final answer (4xx), or the last try; never throws. */
  const deliver = async (batch: LingerEvent[]) => {
    for (let attempt = 1; ; attempt++) {
      const enc = encode(batch, { site: batch[0]!.site, sentAt: new Date().toISOString(), dropped: 0 })
      let status = 0
      let after: string | null = null
      try {
        stats.requests++
        const res = await send(enc.url!, {
          method: 'POST',
          headers: { ...enc.headers, 'content-type': 'application/json', ...auth },
          body: enc.body,
          signal: AbortSignal.timeout(30_000),
        })
        status = res.status
        after = res.headers.get('retry-after')
        await res.body?.cancel()
      } catch {}
      if (status >= 200 && status < 300) {
        stats.sent += batch.length
        return
      }
      const retryable = !status || status === 408 || status === 429 || status >= 500
      if (!retryable || attempt >= maxAttempts) {
        stats.dropped += batch.length
        return onError?.(retryable ? 'gave-up' : 'rejected', { status, events: batch.length })
      }
      const hinted = Number(after) * 1000
      await sleep(
        hinted > 0
          ? Math.min(hinted, 300_000)
          : random() * Math.min(60_000, retryBaseMs * 2 ** (attempt - 1)),
      )
    }
  }

  const drain = () =>
    (running ??= (async () => {
      try {
        while (buffer.length) {
          const batch = take()
          inflight = batch.length
          await deliver(batch)
          buffer.splice(0, batch.length)
          inflight = 0
        }
      } finally {
        running = undefined
      }
    })())

  const schedule = () => {
    if (buffer.length >= maxEvents) void drain()
    else if (!timer && buffer.length)
      timer = setTimeout(() => {
        timer = undefined
        void drain()
      }, intervalMs)
    timer?.unref?.()
  }

  const flush = async () => {
    clearTimeout(timer)
    timer = undefined
    while (buffer.length) await drain()
  }

  return {
    push(events) {
      buffer.push(...events)
      // Over the cap: drop the oldest, except the batch in flight at the head.
      const cut = buffer.splice(inflight, Math.max(0, buffer.length - maxBuffer)).length
      if (cut) {
        stats.dropped += cut
        onError?.('overflow', cut)
      }
      schedule()
    },
    flush,
    close: flush,
    stats: () => ({ queued: buffer.length, ...stats }),
  }
}
