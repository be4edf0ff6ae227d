import type { Batch } from '@linger/core/wire'

export interface Issue {
  path: string
  message: string
}

export const LIMITS = {
  events: 500,
  id: 64,
  type: 100,
  name: 200,
  url: 2048,
  propsBytes: 32 * 1024,
  propsDepth: 16,
  issues: 50,
} as const

// PostgreSQL text and jsonb cannot hold NUL or lone UTF-16 surrogates; refusing them here keeps
// bad input a 400 instead of a database error.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const unstorable = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s)
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i
const MIN_TS = Date.UTC(1970, 0, 1)
const MAX_TS = Date.UTC(9999, 11, 31)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Depth of nested objects/arrays, or Infinity when a key or string cannot be stored. */
function depthOf(value: unknown, limit: number): number {
  if (typeof value === 'string') return unstorable(value) ? Number.POSITIVE_INFINITY : 0
  if (typeof value !== 'object' || value === null) return 0
  if (limit <= 0) return 1
  let max = 0
  for (const [k, v] of Object.entries(value)) {
    if (unstorable(k)) return Number.POSITIVE_INFINITY
    max = Math.max(max, depthOf(v, limit - 1))
    if (max >= limit) break
  }
  return max + 1
}

/**
 * Checks a parsed batch field by field (docs/contract.md, "Events and batches"). Returns the batch when
 * every event is storable, else the issues, each with a JSON path like `events[3].ts`.
 */
export function validateBatch(body: unknown): { batch: Batch; issues?: never } | { issues: Issue[] } {
  const issues: Issue[] = []
  const add = (path: string, message: string) => {
    if (issues.length < LIMITS.issues) issues.push({ path, message })
  }
  const text = (v: unknown, path: string, max: number, optional = false): v is string => {
    if (optional && (v === undefined || v === null)) return true
    if (typeof v !== 'string' || v.length === 0) add(path, optional ? 'must be a string' : 'required string')
    else if (v.length > max) add(path, `longer than ${max} characters`)
    else if (unstorable(v)) add(path, 'contains NUL or an unpaired surrogate')
    else return true
    return false
  }

  if (!isObject(body))
    return { issues: [{ path: '', message: 'must be an object { site, sentAt, events }' }] }
  text(body.site, 'site', LIMITS.name)
  if (
    body.sentAt !== undefined &&
    (typeof body.sentAt !== 'string' || !Number.isFinite(Date.parse(body.sentAt)))
  )
    add('sentAt', 'must be an ISO 8601 date-time')
  if (body.dropped !== undefined && !(Number.isInteger(body.dropped) && (body.dropped as number) >= 0))
    add('dropped', 'must be a non-negative integer')
  const events = body.events
  if (!Array.isArray(events)) add('events', 'must be an array')
  else if (events.length > LIMITS.events) add('events', `more than ${LIMITS.events} events`)
  else for (const [i, e] of events.entries()) validateEvent(e, `events[${i}]`, body.site, add, text)
  return issues.length ? { issues } : { batch: body as unknown as Batch }
}

function validateEvent(
  e: unknown,
  at: string,
  site: unknown,
  add: (path: string, message: string) => void,
  text: (v: unknown, path: string, max: number, optional?: boolean) => boolean,
): void {
  if (!isObject(e)) {
    add(at, 'must be an object')
    return
  }
  text(e.id, `${at}.id`, LIMITS.id)
  text(e.type, `${at}.type`, LIMITS.type)
  if (typeof e.ts !== 'string' || !ISO_8601.test(e.ts)) add(`${at}.ts`, 'must be an ISO 8601 date-time')
  else {
    const t = Date.parse(e.ts)
    if (!(t >= MIN_TS && t <= MAX_TS)) add(`${at}.ts`, 'not a date-time between 1970 and 9999')
  }
  if (text(e.site, `${at}.site`, LIMITS.name) && e.site !== site)
    add(`${at}.site`, 'differs from the batch site')
  text(e.visitorId, `${at}.visitorId`, LIMITS.name)
  text(e.sessionId, `${at}.sessionId`, LIMITS.name)
  text(e.userId, `${at}.userId`, LIMITS.name, true)
  text(e.campaignId, `${at}.campaignId`, LIMITS.name, true)
  text(e.variant, `${at}.variant`, LIMITS.name, true)
  text(e.url, `${at}.url`, LIMITS.url)
  const props = e.props
  if (props === undefined) return
  const problem = propsProblem(props)
  if (problem) add(`${at}.props`, problem)
  else if (e.type === 'survey.answered') validateAnswer(props as Record<string, unknown>, `${at}.props`, add)
  else if (e.type === 'push.subscribed')
    validateSubscription((props as Record<string, unknown>).subscription, `${at}.props.subscription`, add)
}

function propsProblem(props: unknown): string | undefined {
  if (!isObject(props)) return 'must be an object'
  if (Buffer.byteLength(JSON.stringify(props)) > LIMITS.propsBytes) return 'larger than 32 KiB'
  const depth = depthOf(props, LIMITS.propsDepth + 1)
  if (depth === Number.POSITIVE_INFINITY) return 'contains NUL or an unpaired surrogate'
  if (depth > LIMITS.propsDepth) return `nested deeper than ${LIMITS.propsDepth} levels`
  return undefined
}

function validateAnswer(
  p: Record<string, unknown>,
  at: string,
  add: (path: string, message: string) => void,
) {
  if (p.survey !== 'nps' && p.survey !== 'csat') {
    add(`${at}.survey`, 'must be "nps" or "csat"')
    return
  }
  const scale = p.survey === 'nps' ? 10 : (p.scale ?? 5)
  if (p.survey === 'nps' && p.scale !== undefined && p.scale !== 10 && p.scale !== 11)
    add(`${at}.scale`, 'NPS is 0–10')
  if (p.survey === 'csat' && scale !== 3 && scale !== 5 && scale !== 7)
    add(`${at}.scale`, 'must be 3, 5 or 7')
  const [lo, hi] = p.survey === 'nps' ? [0, 10] : [1, typeof scale === 'number' ? scale : 5]
  if (!Number.isInteger(p.score) || (p.score as number) < lo || (p.score as number) > hi)
    add(`${at}.score`, `must be an integer from ${lo} to ${hi}`)
  if (p.comment !== undefined && typeof p.comment !== 'string') add(`${at}.comment`, 'must be a string')
}

function validateSubscription(s: unknown, at: string, add: (path: string, message: string) => void) {
  if (!isObject(s)) {
    add(at, 'must be a PushSubscriptionJSON object')
    return
  }
  if (typeof s.endpoint !== 'string' || !/^https?:\/\/./.test(s.endpoint) || s.endpoint.length > LIMITS.url)
    add(`${at}.endpoint`, 'must be an http(s) URL')
  const keys = s.keys
  if (!isObject(keys) || typeof keys.p256dh !== 'string' || typeof keys.auth !== 'string')
    add(`${at}.keys`, 'must hold p256dh and auth strings')
}
