/**
 * Runs in the page (pass it to `evaluate`): how many events wait in linger.js's IndexedDB queue
 * (`linger` database, `queue` store); -1 when the database can't be opened. Read only: a read that
 * created the database or a store would race Linger's own upgrade, so an upgrade is aborted.
 */
export const queuedInPage = () =>
  new Promise<number>((done) => {
    const open = indexedDB.open('linger')
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = () => done(-1)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('queue')) {
        db.close()
        return done(0)
      }
      const count = db.transaction('queue').objectStore('queue').count()
      count.onsuccess = count.onerror = () => {
        db.close()
        done(count.result ?? -1)
      }
    }
  })
