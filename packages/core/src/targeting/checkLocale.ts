import { no } from './decision'
import type { Check } from './types'

/** Locale match by language prefix: `de` matches `de-AT`; `de-AT` matches only `de-AT`. */
export function checkLocale(want: string[] | undefined, locale: string): Check {
  if (!want?.length) return
  const have = locale.toLowerCase()
  const ok = want.some((l) => {
    const w = l.toLowerCase()
    return have === w || have.startsWith(`${w}-`)
  })
  if (!ok) return no('locale', { locale })
}
