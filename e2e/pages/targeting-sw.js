// A do-nothing service worker for the push e2e tests: registration must succeed, nothing more.
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()))
