import { pushEndpointProblem } from '../push/pushEndpointProblem'
import { isIsoCurrency } from '../report/isIsoCurrency'
import { isObject } from './isObject'
import { LIMITS } from './limits'

type Note = (path: string, message: string) => void

// The orders trigger (migration 102) reads a numeric string as a number: same pattern here.
const NUMERIC = /^\s*-?[0-9]+(\.[0-9]+)?\s*$/

/**
 * The props the collector reads for itself, by event type: survey answers, push
 * subscriptions, purchase values (they must fit float8 and its sums) and currencies (an
 * unknown one is stored as given, reported apart, and answered with a warning). Returns false
 * when it added an issue.
 */
export function validateProps(
  type: unknown,
  p: Record<string, unknown>,
  at: string,
  { add, warn, pushTestOrigins }: { add: Note; warn: Note; pushTestOrigins: ReadonlySet<string> },
): boolean {
  let ok = true
  const fail = (path: string, message: string) => {
    add(path, message)
    ok = false
  }
  if (type === 'survey.answered') answer(p, at, fail)
  else if (type === 'push.subscribed') {
    const s = p.subscription
    if (!isObject(s)) fail(`${at}.subscription`, 'must be a PushSubscriptionJSON object')
    else {
      const problem =
        typeof s.endpoint === 'string' && s.endpoint.length > LIMITS.url
          ? `longer than ${LIMITS.url} characters`
          : pushEndpointProblem(s.endpoint, pushTestOrigins)
      if (problem) fail(`${at}.subscription.endpoint`, problem)
      const keys = s.keys
      if (!isObject(keys) || typeof keys.p256dh !== 'string' || typeof keys.auth !== 'string')
        fail(`${at}.subscription.keys`, 'must hold p256dh and auth strings')
    }
  }
  if (type === 'purchase') {
    const v = p.value
    const n = typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : 0
    if (!(Math.abs(n) <= LIMITS.money))
      fail(`${at}.value`, `must be a number from −${LIMITS.money} to ${LIMITS.money}`)
  }
  if (
    (type === 'purchase' || type === 'cart.updated') &&
    p.currency !== undefined &&
    !isIsoCurrency(p.currency)
  )
    warn(
      `${at}.currency`,
      'not an ISO 4217 currency code: stored as given, reported apart from the money figures',
    )
  return ok
}

function answer(p: Record<string, unknown>, at: string, fail: Note) {
  if (p.survey !== 'nps' && p.survey !== 'csat') {
    fail(`${at}.survey`, 'must be "nps" or "csat"')
    return
  }
  const scale = p.survey === 'nps' ? 10 : (p.scale ?? 5)
  if (p.survey === 'nps' && p.scale !== undefined && p.scale !== 10 && p.scale !== 11)
    fail(`${at}.scale`, 'NPS is 0–10')
  if (p.survey === 'csat' && scale !== 3 && scale !== 5 && scale !== 7)
    fail(`${at}.scale`, 'must be 3, 5 or 7')
  const [lo, hi] = p.survey === 'nps' ? [0, 10] : [1, typeof scale === 'number' ? scale : 5]
  if (!Number.isInteger(p.score) || (p.score as number) < lo || (p.score as number) > hi)
    fail(`${at}.score`, `must be an integer from ${lo} to ${hi}`)
  if (p.comment !== undefined && typeof p.comment !== 'string') fail(`${at}.comment`, 'must be a string')
}
