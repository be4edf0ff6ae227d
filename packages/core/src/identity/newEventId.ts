let lastMs = 0
let seq = 0

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('')

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids made in one page sort in
 * creation order, even within one millisecond (a 12-bit counter in `rand_a`, RFC 9562 §6.2
 * method 1), so the queue can key events by id and "oldest" is simply "first".
 */
export function newEventId(now = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  if (now > lastMs) {
    lastMs = now
    // Start the counter in its lower half so a burst has room to count up.
    seq = b[6]! & 0x7
  } else if (++seq > 0xfff) {
    // Counter exhausted (or the clock went back): borrow the next millisecond.
    lastMs++
    seq = 0
  }
  let t = lastMs
  for (let i = 5; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256
  b[6] = 0x70 | (seq >> 8)
  b[7] = seq & 0xff
  b[8] = 0x80 | (b[8]! & 0x3f)
  return hex(b).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
