/** UTF-8 length of `s`, without allocating (this runs once per event). */
export function byteLength(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // 0x80–0x7ff take 2 bytes, the rest of the BMP 3; a surrogate pair (2 units) takes 4.
    if (c > 0x7f) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2
  }
  return n
}
