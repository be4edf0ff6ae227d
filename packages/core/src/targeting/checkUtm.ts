import type { Audience } from '../types'
import { no } from './decision'
import type { Check } from './types'

/** Each configured UTM key must equal (case-insensitively) one of its allowed values. */
export function checkUtm(want: Audience['utm'], utm: Record<string, string>): Check {
  for (const [key, allowed] of Object.entries(want ?? {})) {
    const have = utm[key]?.toLowerCase()
    const list = ([] as string[]).concat(allowed ?? [])
    if (!have || !list.some((v) => v.toLowerCase() === have)) return no('utm', { key, value: utm[key] })
  }
}
