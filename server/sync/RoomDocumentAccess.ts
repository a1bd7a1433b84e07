import * as Y from 'yjs'
import type { DocumentAccess } from './DocumentAccess.ts'
import type { RoomRegistry } from './RoomRegistry.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'

/** `DocumentAccess` over the sync server's rooms: the same documents, store and members the clients use. */
export class RoomDocumentAccess implements DocumentAccess {
  private readonly changes = new Map<string, Promise<void>>()

  constructor(private readonly rooms: RoomRegistry) {}

  read<T>(documentName: string, read: (ydoc: Y.Doc) => T): Promise<T> {
    return this.rooms.use(documentName, async (room) => {
      await room.idle()
      return read(room.ydoc)
    })
  }

  change(documentName: string, mutate: (ydoc: Y.Doc) => void): Promise<void> {
    const previous = this.changes.get(documentName) ?? Promise.resolve()
    const change = () =>
      this.rooms.use(documentName, async (room) => {
        await room.idle()
        const scratch = new Y.Doc()
        Y.applyUpdate(scratch, room.encodeStateAsUpdate())
        const before = Y.encodeStateVector(scratch)
        mutate(scratch)
        const update = Y.encodeStateAsUpdate(scratch, before)
        scratch.destroy()
        await room.submit(update, TransactionOrigin.server)
      })
    const next = previous.catch(() => {}).then(change)
    this.changes.set(documentName, next)
    void next
      .finally(() => {
        if (this.changes.get(documentName) === next) this.changes.delete(documentName)
      })
      .catch(() => {})
    return next
  }
}
