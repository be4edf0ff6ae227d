/**
 * The stamp a validated config carries (`linger validate --write`): the validator's revision
 * and a 53-bit hash (cyrb53) of the config without its `$stamp`, in the order its keys were
 * written. Not a signature: anyone can stamp a file; it only tells the page the config has not
 * been edited since the validator last passed it. Bump `REVISION` when the definition changes
 * what a config may hold, so older stamps send the page back to the validator.
 */
const REVISION = 1

export function configHash(config: Record<string, unknown>): string {
  const { $stamp: _, ...rest } = config
  const text = JSON.stringify(rest)
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${REVISION}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`
}
