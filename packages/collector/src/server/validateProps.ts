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

/** Highest score by a flow question's type (CSAT: its scale). */
const SCALED: Record<string, [number, number]> = { nps: [0, 10], ces: [1, 7] }
const FLOW_TYPES = ['nps', 'csat', 'ces', 'single', 'multi', 'text']

function answer(p: Record<string, unknown>, at: string, fail: Note) {
  // A question of a multi-question survey names itself; a single-question NPS/CSAT widget doesn't.
  if (p.question !== undefined) return flowAnswer(p, at, fail)
  if (p.survey !== 'nps' && p.survey !== 'csat') {
    fail(`${at}.survey`, 'must be "nps" or "csat" (or a flow question type, with `question`)')
    return
  }
  scored(p, at, fail)
}

function scored(p: Record<string, unknown>, at: string, fail: Note) {
  const scale = p.survey === 'nps' ? 10 : (p.scale ?? (p.survey === 'ces' ? 7 : 5))
  if (p.survey === 'nps' && p.scale !== undefined && p.scale !== 10 && p.scale !== 11)
    fail(`${at}.scale`, 'NPS is 0–10')
  if (p.survey === 'csat' && scale !== 3 && scale !== 5 && scale !== 7)
    fail(`${at}.scale`, 'must be 3, 5 or 7')
  if (p.survey === 'ces' && scale !== 7) fail(`${at}.scale`, 'CES is 1–7')
  const [lo, hi] = SCALED[p.survey as string] ?? [1, typeof scale === 'number' ? scale : 5]
  if (!Number.isInteger(p.score) || (p.score as number) < lo || (p.score as number) > hi)
    fail(`${at}.score`, `must be an integer from ${lo} to ${hi}`)
  if (p.comment !== undefined && typeof p.comment !== 'string') fail(`${at}.comment`, 'must be a string')
}

/** One answer of a `survey` flow: `question` (id), `index` (its place), and the answer by type. */
function flowAnswer(p: Record<string, unknown>, at: string, fail: Note) {
  const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 64
  if (!id(p.question)) fail(`${at}.question`, 'must be a question id (1–64 characters)')
  if (!Number.isInteger(p.index) || (p.index as number) < 0 || (p.index as number) > 19)
    fail(`${at}.index`, 'must be an integer from 0 to 19')
  const type = p.survey as string
  if (!FLOW_TYPES.includes(type)) fail(`${at}.survey`, `must be one of ${FLOW_TYPES.join(', ')}`)
  else if (type === 'single' && !id(p.choice)) fail(`${at}.choice`, 'must be a choice id')
  else if (type === 'multi' && !(Array.isArray(p.choices) && p.choices.length && p.choices.every(id)))
    fail(`${at}.choices`, 'must be a non-empty array of choice ids')
  else if (type === 'text' && typeof p.comment !== 'string') fail(`${at}.comment`, 'must be a string')
  else if (SCALED[type] || type === 'csat') scored(p, at, fail)
  if (p.other !== undefined && typeof p.other !== 'string') fail(`${at}.other`, 'must be a string')
}
