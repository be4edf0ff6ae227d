import type { BrowserContext } from '@playwright/test'

/**
 * In `context`, IndexedDB's open never finishes on pages whose URL contains `?hang` (a busy or
 * broken device): Linger's stores fall back to memory. Other pages of the context keep IndexedDB,
 * so the next visit can read what the first left.
 */
export const hangIndexedDb = (context: BrowserContext) =>
  context.addInitScript(() => {
    if (location.search.includes('hang')) IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest
  })
