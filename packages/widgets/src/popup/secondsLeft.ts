/** Seconds left until `end` (ms since the epoch), never negative or NaN. */
export function secondsLeft(end: number): number {
  return Math.max(0, Math.ceil((end - Date.now()) / 1e3)) || 0
}
