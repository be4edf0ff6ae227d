import type { LingerEvent } from '@linger/core/wire'

let seq = 0

/** An event for site `shop` with defaults for every required field; `over` wins. */
export function event(over: Partial<LingerEvent> & { type: string }): LingerEvent {
  seq++
  return {
    id: `e${seq}-${Math.random().toString(36).slice(2, 8)}`,
    ts: '2026-01-15T12:00:00Z',
    site: 'shop',
    visitorId: `v${seq}`,
    sessionId: `s${seq}`,
    url: 'https://shop.example/',
    props: {},
    ...over,
  }
}

/** A batch body for site `shop` (or the events' site). */
export function batch(events: LingerEvent[], site = events[0]?.site ?? 'shop') {
  return { site, sentAt: '2026-01-15T12:00:01Z', events }
}

/** Request init for `app.request('/v1/batch', …)`. */
export function post(body: unknown, contentType = 'application/json', headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}
