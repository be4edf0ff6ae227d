/** Whether `locale`'s script runs right to left (Arabic, Hebrew, Persian, Urdu). */
export function isRtl(locale: string): boolean {
  return /^(ar|he|fa|ur)\b/i.test(locale)
}
