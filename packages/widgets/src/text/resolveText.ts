import type { Text } from '@linger/core/types'

/** Picks the text for `locale`: exact key, then its language, then `en`, then the first given. */
export function resolveText(text: Text | undefined, locale: string): string {
  if (text == null) return ''
  if (typeof text !== 'object') return String(text)
  const v = text[locale] ?? text[locale.split('-')[0]!] ?? text.en ?? Object.values(text)[0]
  return v == null ? '' : String(v)
}
