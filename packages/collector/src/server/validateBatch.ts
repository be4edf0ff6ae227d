import type { Batch, LingerEvent } from '@linger/core/wire'
import { isObject } from './isObject'
import { LIMITS } from './limits'
import { unstorable } from './unstorable'
import { validateEvent } from './validateEvent'

export interface Issue {
  path: string
  message: string
}

export interface ValidateOptions {
  /** Push-service origins accepted though http or private (a local mock push service). */
  pushTestOrigins?: ReadonlySet<string>
}

/**
 * Checks a parsed batch field by field (docs/contract.md, "Events and batches"). Returns the batch, rebuilt
 * from the members Linger knows (anything else is dropped, never stored), with warnings about
 * values stored as given but reported apart; else the issues, each with a JSON path like
 * `events[3].ts`. Whatever it accepts, the database can store.
 */
export function validateBatch(
  body: unknown,
  { pushTestOrigins = new Set() }: ValidateOptions = {},
): { batch: Batch; warnings: Issue[]; issues?: never } | { issues: Issue[] } {
  const issues: Issue[] = []
  const warnings: Issue[] = []
  const note = (list: Issue[]) => (path: string, message: string) => {
    if (list.length < LIMITS.issues) list.push({ path, message })
  }
  const add = note(issues)

  if (!isObject(body))
    return { issues: [{ path: '', message: 'must be an object { site, sentAt, events }' }] }
  const site = body.site
  if (typeof site !== 'string' || site.length === 0) add('site', 'required string')
  else if (site.length > LIMITS.name) add('site', `longer than ${LIMITS.name} characters`)
  else if (unstorable(site)) add('site', 'contains NUL or an unpaired surrogate')
  if (
    body.sentAt !== undefined &&
    (typeof body.sentAt !== 'string' || !Number.isFinite(Date.parse(body.sentAt)))
  )
    add('sentAt', 'must be an ISO 8601 date-time')
  const dropped = body.dropped
  if (
    dropped !== undefined &&
    !(Number.isInteger(dropped) && (dropped as number) >= 0 && (dropped as number) <= LIMITS.dropped)
  )
    add('dropped', `must be an integer from 0 to ${LIMITS.dropped}`)
  const events = body.events
  const kept: LingerEvent[] = []
  if (!Array.isArray(events)) add('events', 'must be an array')
  else if (events.length > LIMITS.events) add('events', `more than ${LIMITS.events} events`)
  else
    for (const [i, e] of events.entries()) {
      const event = validateEvent(e, `events[${i}]`, site, { add, warn: note(warnings), pushTestOrigins })
      if (event) kept.push(event)
    }
  if (issues.length) return { issues }
  const batch: Batch = { site: site as string, sentAt: body.sentAt as string, events: kept }
  if (dropped !== undefined) batch.dropped = dropped as number
  return { batch, warnings }
}
