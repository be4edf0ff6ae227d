import type { Script } from './peers'

/**
 * The browser calls Linger makes while the bench's product page loads (`ops.ts` counts them), with
 * nothing around them: ids from `crypto`, the page view written ahead to localStorage under a Web
 * Lock, the two queries of living pages' stashes, one IndexedDB database with Linger's four stores,
 * the identity read and written, the caps and cart read, the queue read and written under the
 * flush lock, the unsent stash set and removed, one batch POSTed, a BroadcastChannel. What any
 * script that keeps every event across a closing tab this way pays the browser before its own
 * logic: the floor under Linger's page-load scripting (`floor.ts`).
 */
const source = `(function () {
  function id() {
    var b = crypto.getRandomValues(new Uint8Array(16)), s = ''
    for (var i = 0; i < b.length; i++) s += (b[i] + 256).toString(16).slice(1)
    return s
  }
  var page = id()
  var ev = { id: id(), type: 'page.viewed', ts: new Date().toISOString(), url: location.href, props: { title: document.title } }
  var calls = 'floor:calls:' + page
  var unsent = 'floor:unsent:' + page
  var hold = function () { return new Promise(function () {}) }
  navigator.locks.request(calls, hold)
  localStorage.setItem(calls, JSON.stringify([['event', ev, false]]))
  navigator.locks.query()
  navigator.locks.query()
  new BroadcastChannel('floor-tabs')
  var open = indexedDB.open('floor', 1)
  open.onupgradeneeded = function () {
    ['state', 'identity', 'cart', 'queue'].forEach(function (s) { open.result.createObjectStore(s) })
  }
  open.onsuccess = function () {
    var db = open.result
    function tx(store, mode, use) {
      return new Promise(function (done) {
        var t = db.transaction(store, mode)
        use(t.objectStore(store))
        t.oncomplete = done
      })
    }
    tx('identity', 'readonly', function (s) { s.get('identity'); s.get('user') })
      .then(function () { return tx('identity', 'readwrite', function (s) { s.put({ visitorId: page }, 'identity') }) })
      .then(function () {
        navigator.locks.request(unsent, hold)
        localStorage.setItem(unsent, JSON.stringify([ev]))
        localStorage.removeItem(calls)
        return tx('queue', 'readwrite', function (s) { s.put(ev, ev.id) })
      })
      .then(function () {
        localStorage.removeItem(unsent)
        return navigator.locks.request('floor-flush', function () {
          return tx('queue', 'readonly', function (s) { s.getAll() }).then(function () {
            return fetch('/collect', { method: 'POST', body: JSON.stringify({ events: [ev] }), keepalive: true })
          })
        })
      })
    tx('state', 'readonly', function (s) { s.get('caps'); s.get('caps:exit-offer'); s.get('caps:nps') })
      .then(function () { return tx('state', 'readwrite', function (s) { s.put(1, 'caps') }) })
    tx('cart', 'readonly', function (s) { s.get('cart') })
  }
})()`

export const floor: Script = {
  id: 'floor',
  label: 'the browser calls Linger makes, and nothing else',
  initial: [],
  head: () => `<script>${source}</script>`,
}
