import type { Audience } from '../types'
import { no } from './decision'
import type { Check, TargetContext } from './types'

/** New vs returning visitor, and the visit count (this visit included) within [minVisits, maxVisits]. */
export function checkVisitor(
  want: Audience['visitor'],
  { isNew, visitCount }: TargetContext['visitor'],
): Check {
  if (!want) return
  if (want.type && (want.type === 'new') !== isNew) return no('visitor-type', { want: want.type })
  if ((want.minVisits ?? 0) > visitCount || (want.maxVisits ?? Infinity) < visitCount)
    return no('visit-count', { visitCount })
}
