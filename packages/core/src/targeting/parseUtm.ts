/** `utm_*` parameters of a URL, without the prefix: `{ source: 'news', medium: 'email' }`. */
export function parseUtm(url: string): Record<string, string> {
  const utm: Record<string, string> = {}
  try {
    new URL(url).searchParams.forEach((value, key) => {
      if (key.startsWith('utm_')) utm[key.slice(4)] = value
    })
  } catch {}
  return utm
}
