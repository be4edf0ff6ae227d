import type { BatchEncoder } from '../encoder'

/** The batch of docs/contract.md: `{ site, sentAt, events, dropped? }` as JSON (JSON leaves out `dropped: undefined`). */
export const lingerEncoder: BatchEncoder = (events, { site, sentAt, dropped }) => ({
  body: JSON.stringify({ site, sentAt, events, dropped: dropped || undefined }),
})
