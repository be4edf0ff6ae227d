/**
 * Deterministic bucket in [0, 100) for a key (e.g. `visitorId:campaignId`): FNV-1a 32-bit,
 * then murmur3's finaliser so keys that differ only in their last characters still spread.
 */
export function bucket(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return ((h >>> 0) / 4294967296) * 100
}
