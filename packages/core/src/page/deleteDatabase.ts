/**
 * Deletes an IndexedDB database. Resolves when done, failed, or blocked: a blocked delete
 * still completes once the other connections close (our stores close on `versionchange`).
 */
export function deleteDatabase(win: Window, name: string): Promise<void> {
  return new Promise((done) => {
    try {
      const r = win.indexedDB.deleteDatabase(name)
      r.onsuccess = r.onerror = r.onblocked = () => done()
    } catch {
      done()
    }
  })
}
