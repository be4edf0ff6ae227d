// The IndexedDB layout a page and the service worker share: the worker writes a notification
// click into the same queue the page's pipeline sends from, so both must use these names.

/** The database every Linger store lives in. */
export const DB_NAME = 'linger'

/** Its object stores: campaign caps and landing, the visitor, the cart, the event queue. */
export const STORE_NAMES = ['state', 'identity', 'cart', 'queue'] as const

/** `queue` holds one record per event, keyed by the event's `id`. */
export const QUEUE_STORE = 'queue'

/** `identity` holds the visitor (`Identity`) under this key… */
export const IDENTITY_KEY = 'identity'

/** …and the user id from the last `identify()` under this one. */
export const USER_KEY = 'user'
