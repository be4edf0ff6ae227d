import type { BatchEncoder } from './types'

/** The CONTRACT batch: `{ site, sentAt, events, dropped? }` as JSON. */
export const lingerEncoder: BatchEncoder = (events, { site, sentAt, dropped }) => ({
  body: JSON.stringify(dropped ? { site, sentAt, events, dropped } : { site, sentAt, events }),
})
