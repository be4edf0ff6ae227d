/**
 * Finds where a JSON path (`campaigns[2].trigger.seconds`) sits in the config's text, so
 * the playground can put an error beside the field it names. A small position-tracking
 * scan of the JSON text: `JSON.parse` forgets positions.
 */
export interface Span {
  start: number
  end: number
  line: number
}

export function locate(text: string, path: string): Span | undefined {
  const target = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
  let i = 0
  const spans = new Map<string, Span>()
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++
  }
  const str = () => {
    const start = i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++
    return JSON.parse(text.slice(start, i)) as string
  }
  const value = (at: string[]): void => {
    ws()
    const start = i
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      while (i < text.length && text[i] !== '}') {
        ws()
        const keyStart = i
        const key = str()
        // Remembered first for the key; the value's span replaces it once read.
        spans.set([...at, key].join('.'), { start: keyStart, end: i, line: lineAt(keyStart) })
        ws()
        i++ // :
        value([...at, key])
        ws()
        if (text[i] === ',') i++
        ws()
      }
      i++
    } else if (c === '[') {
      i++
      let index = 0
      ws()
      while (i < text.length && text[i] !== ']') {
        value([...at, String(index++)])
        ws()
        if (text[i] === ',') i++
        ws()
      }
      i++
    } else if (c === '"') {
      str()
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++
    }
    // The value wins over its key: an error about a field points at what is wrong in it.
    spans.set(at.join('.'), { start, end: i, line: lineAt(start) })
  }
  try {
    value([])
  } catch {
    return undefined
  }
  // The deepest existing ancestor when the path itself is absent (a missing required field).
  for (let n = target.length; n >= 0; n--) {
    const span = spans.get(target.slice(0, n).join('.'))
    if (span) return span
  }
  return undefined
}
