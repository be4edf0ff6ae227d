let lastMs = 0
let seq = 0
// Random bytes for 64 ids at a time: one getRandomValues call per id was most of track()'s cost.
const pool = new Uint8Array(16 * 64)
let used = pool.length
const HEX = Array.from({ length: 256 }, (_, b) => (b < 16 ? '0' : '') + b.toString(16))

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids made in one page sort in
 * creation order, even within one millisecond (a 12-bit counter in `rand_a`, RFC 9562 §6.2
 * method 1), so the queue can key events by id and "oldest" is simply "first".
 */
export function newEventId(now = Date.now()): string {
  if (used === pool.length) {
    crypto.getRandomValues(pool)
    used = 0
  }
  const b = pool.subarray(used, used + 16)
  used += 16
  if (now > lastMs) {
    lastMs = now
    // Start the counter in its lower half so a burst has room to count up.
    seq = b[6]! & 0x7
  } else if (++seq > 0xfff) {
    // Counter exhausted (or the clock went back): borrow the next millisecond.
    lastMs++
    seq = 0
  }
  for (let i = 5, t = lastMs; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256
  b[6] = 0x70 | (seq >> 8)
  b[7] = seq & 0xff
  b[8] = 0x80 | (b[8]! & 0x3f)
  let id = ''
  for (let i = 0; i < 16; i++) id += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i]!]
  return id
}
