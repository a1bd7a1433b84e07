import type { Page } from 'playwright-core'

/**
 * Resolves once every update the page has handed to the offline cache (y-indexeddb) of `documentName` is
 * committed: a transaction on the same store starts only after the read-write ones created before it have
 * finished. A person never leaves within milliseconds of a keystroke or a first sync; a test or a bench does, and
 * IndexedDB drops what is not committed at unload.
 */
export function offlineCacheCommitted(page: Page, documentName: string): Promise<void> {
  return page.evaluate(
    (databaseName) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open(databaseName)
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const database = opening.result
          const transaction = database.transaction('updates', 'readonly')
          transaction.oncomplete = () => {
            database.close()
            resolve()
          }
          transaction.onerror = () => reject(transaction.error)
          transaction.objectStore('updates').count()
        }
      }),
    `charter-desk:${documentName}`,
  )
}
