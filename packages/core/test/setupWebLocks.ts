import { webLocks } from './webLocks'

// Browsers that run Linger have Web Locks (Chromium 69, Firefox 96, Safari 15.4); happy-dom has
// none. Each test file's window gets one lock manager, shared like one browser profile's.
if (typeof navigator !== 'undefined' && !navigator.locks)
  Object.defineProperty(navigator, 'locks', { value: webLocks(), configurable: true })
