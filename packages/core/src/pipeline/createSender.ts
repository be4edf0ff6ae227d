import { retryDelay } from '../wire/retryDelay'
import { byteLength } from './byteLength'
import type { EventQueue } from './createEventQueue'
import type { PipelineContext } from './PipelineContext'
import { packBatch } from './packBatch'
import type { QueuedEvent } from './QueuedEvent'
import type { EncodedBatch } from './types'

// The Fetch spec rejects a keepalive request once the page's keepalive bodies in flight pass 64 KiB.
export const KEEPALIVE = 65536

/**
 * Sending and retry: batches of stored events, POSTed with keepalive; a 2xx acknowledges them,
 * 5xx / 408 / 429 / network failures back off (full jitter, or the server's `Retry-After`), 413
 * halves the batch, another 4xx drops it. A batch failing with a 5xx three times in a row is
 * searched for the event the endpoint cannot take (a poison): see `strike`.
 */
export function createSender(queue: EventQueue, c: PipelineContext) {
  const { _site: site, _endpoint: endpoint, _now: now, _ledger: ledger, _maxBatchBytes: maxBatchBytes } = c
  const overhead = byteLength(site) + 99
  let attempt = 0
  let retryAt = 0
  let hard = false // retryAt came from Retry-After: coming back online does not lift it
  let inflight = 0 // keepalive bytes in requests not answered yet
  let split = c._maxBatchEvents // halved when the endpoint (413) or the keepalive quota says too big
  // Poison: a batch failing with a 5xx (without Retry-After) three times in a row is sent again
  // one event at a time (`singles` of them). A lone event failing three times is set aside
  // (`held`) until the endpoint takes another event, then tried once more (`suspect`): failing
  // again, it is dropped as poison. If the others fail too, the endpoint is down, not poisoned.
  let strikes = 0
  let singles = 0
  let held: QueuedEvent | undefined
  let suspect: QueuedEvent | undefined
  const pack = (list: QueuedEvent[], maxBytes = maxBatchBytes) =>
    packBatch(list, singles ? 1 : split, maxBytes, overhead)

  const encode = (batch: QueuedEvent[], dropped: number) => {
    const enc = c._encode(
      // The service worker queues clicks without knowing the site: they travel as this page's.
      batch.map((r) => (r._event.site ? r._event : { ...r._event, site })),
      { site, sentAt: new Date(now()).toISOString(), dropped },
    )
    return [enc, enc.url ?? endpoint, byteLength(enc.body)] as const
  }

  /** POSTs an encoded batch with keepalive; its events count as in flight until the answer. */
  const post = (batch: QueuedEvent[], enc: EncodedBatch, url: string, n: number) => {
    const p = c._fetch!(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', ...enc.headers },
      body: enc.body,
      // A request that never answers would hold this tab's send cycle (and the flush lock) forever.
      signal: AbortSignal.timeout?.(30_000),
    })
    ledger._stats.requests++
    ledger._count('sent', batch.length)
    inflight += n
    const mark = (sending: boolean) => {
      for (const r of batch) r._sending = sending
    }
    mark(true)
    const done = () => {
      inflight -= n
      mark(false)
    }
    p.then(done, done)
    return p
  }

  /** After a failure that a batch's content can cause. */
  const strike = (batch: QueuedEvent[]) => {
    if (batch.includes(suspect!)) {
      queue._remove(queue._drop([suspect!], 'poison'))
      suspect = undefined
    } else if (++strikes > 2) {
      strikes = 0
      if (batch[1]) singles = batch.length
      else if (held) {
        // A second lone event failing too: the endpoint is down, not poisoned.
        held = undefined
        singles = 0
      } else held = batch[0]
    }
  }

  /** Sends batch by batch until the queue is empty, a failure says wait, or `current()` turns false. */
  const deliver = async (current: () => boolean) => {
    // Offline too: the caps hold while nothing can be sent.
    if (!(await queue._reload(current)) || c._window?.navigator.onLine === false) return
    while (c._consent && current()) {
      const ready = queue._sorted().filter((r) => r._kept && !r._sending)
      // A held event waits while others can go; alone, it is tried again (after the back-off).
      let batch = pack(ready.filter((r) => r !== held))
      if (!batch[0]) batch = pack(ready)
      if (!batch[0]) return
      const told = queue._unreported
      const [enc, url, n] = encode(batch, told)
      if (!url) return
      if (n >= KEEPALIVE && batch.length > 1) {
        split = Math.ceil(batch.length / 2)
        continue
      }
      let res: Response | undefined
      try {
        res = await post(batch, enc, url, n)
      } catch {}
      if (!current()) return
      const status = res?.status ?? 0
      if (status > 199 && status < 300) {
        attempt = strikes = 0
        if (singles) singles--
        // The endpoint takes events: what it failed on alone gets one more try.
        suspect = batch.includes(suspect!) ? undefined : (held ?? suspect)
        held = undefined
        // A pagehide in between handed the count to the stash: never below zero.
        queue._unreported = Math.max(0, queue._unreported - told)
        await queue._acknowledge(batch)
      } else if (status === 413 && batch.length > 1) split = Math.ceil(batch.length / 2)
      else if (!status || status === 408 || status === 429 || status > 499) {
        const after = res?.headers.get('retry-after')
        // A 5xx can be this batch's content; a 429, no answer, or a server saying when to come back
        // (Retry-After: busy, not unable) cannot.
        if (status > 499 && !after) strike(batch)
        const ms = retryDelay(attempt, c._random, now(), after)
        hard = !!after
        attempt = Math.min(attempt + 1, 30)
        retryAt = now() + ms
        c._debug('retry', { status, ms })
        return c._arm(ms)
      } else {
        // Any other answer (4xx, or 413 for one event) will not change on retry: drop the batch.
        c._debug('reject', status)
        await queue._remove(queue._drop(batch, 'drop', false))
      }
    }
  }

  return {
    _deliver: deliver,
    _pack: pack,
    _encode: encode,
    _post: post,
    /** How long until a retry is due (0: now). */
    _wait: () => Math.max(0, retryAt - now()),
    /** The server's Retry-After binds (even at pagehide). */
    _bound: () => hard && now() < retryAt,
    _inflight: () => inflight,
    /** Back online: a wait that was not the server's own ends now. */
    _online() {
      if (!hard) retryAt = attempt = 0
    },
  }
}

export type Sender = ReturnType<typeof createSender>
