import type { LingerEvent } from '@linger/core/wire'
import { dateTimeProblem } from './dateTimeProblem'
import { isObject } from './isObject'
import { LIMITS } from './limits'
import { propsProblem } from './propsProblem'
import { unstorable } from './unstorable'
import { validateProps } from './validateProps'

type Note = (path: string, message: string) => void

/**
 * Checks one event of a batch (README "Events and batches") and returns it rebuilt from the
 * envelope's members only, or undefined when it has issues (each reported through `add`).
 */
export function validateEvent(
  e: unknown,
  at: string,
  site: unknown,
  { add, warn, pushTestOrigins }: { add: Note; warn: Note; pushTestOrigins: ReadonlySet<string> },
): LingerEvent | undefined {
  if (!isObject(e)) {
    add(at, 'must be an object')
    return undefined
  }
  let ok = true
  const text = (key: string, max: number, optional = false) => {
    const v = e[key]
    const path = `${at}.${key}`
    if (optional && (v === undefined || v === null)) return
    if (typeof v !== 'string' || v.length === 0) add(path, optional ? 'must be a string' : 'required string')
    else if (v.length > max) add(path, `longer than ${max} characters`)
    else if (unstorable(v)) add(path, 'contains NUL or an unpaired surrogate')
    else return
    ok = false
  }
  text('id', LIMITS.id)
  text('type', LIMITS.type)
  const tsProblem = dateTimeProblem(e.ts)
  if (tsProblem) {
    add(`${at}.ts`, tsProblem)
    ok = false
  }
  text('site', LIMITS.name)
  if (typeof e.site === 'string' && e.site !== site) {
    add(`${at}.site`, 'differs from the batch site')
    ok = false
  }
  text('visitorId', LIMITS.name)
  text('sessionId', LIMITS.name)
  for (const key of ['userId', 'campaignId', 'variant']) text(key, LIMITS.name, true)
  text('url', LIMITS.url)
  if (e.props !== undefined) {
    const problem = propsProblem(e.props)
    if (problem) {
      add(`${at}.props`, problem)
      ok = false
    } else if (
      !validateProps(e.type, e.props as Record<string, unknown>, `${at}.props`, {
        add,
        warn,
        pushTestOrigins,
      })
    )
      ok = false
  }
  if (!ok) return undefined
  // The envelope only: members Linger does not know are dropped here, so nothing unchecked
  // reaches the database or the relay.
  const event = {
    id: e.id,
    type: e.type,
    ts: e.ts,
    site: e.site,
    visitorId: e.visitorId,
    sessionId: e.sessionId,
    url: e.url,
    props: e.props,
  } as LingerEvent
  for (const key of ['userId', 'campaignId', 'variant'] as const)
    if (typeof e[key] === 'string') event[key] = e[key] as string
  return event
}
