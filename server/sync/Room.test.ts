import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeFrame } from '../../shared/protocol/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import { temporarySqliteDatabases } from '../../test/helpers/temporarySqliteDatabases.ts'
import { Logger } from '../logging/Logger.ts'
import { MemoryDocumentStore } from '../persistence/MemoryDocumentStore.ts'
import { SqliteDocumentStore } from '../persistence/SqliteDocumentStore.ts'
import { SqliteGroupCommit } from '../persistence/SqliteGroupCommit.ts'
import { ClientAuthorship } from '../suggestions/ClientAuthorship.ts'
import { SqliteAuthorshipStore } from '../suggestions/SqliteAuthorshipStore.ts'
import { Room } from './Room.ts'
import type { RoomMember } from './RoomMember.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'
import { UpdateValidatorPool } from './validation/UpdateValidatorPool.ts'

function recorder(): RoomMember & { received: string[] } {
  const received: string[] = []
  return { received, send: (message) => received.push(decodeFrame(message).type) }
}

async function loadRoom(): Promise<Room> {
  return Room.load('room-test', {
    store: new MemoryDocumentStore(),
    logger: new Logger('silent'),
    compactAfterUpdates: 1000,
  })
}

const openDatabase = temporarySqliteDatabases('room-test-')

describe('Room', () => {
  it('relays a stored client update to every member but its author', async () => {
    const room = await loadRoom()
    const author = recorder()
    const other = recorder()
    room.join(author)
    room.join(other)
    const source = new Y.Doc()
    source.getText('notes').insert(0, 'hello')
    await room.submit(Y.encodeStateAsUpdate(source), TransactionOrigin.client(author))
    expect(author.received).toEqual([])
    expect(other.received).toEqual(['update'])
    room.destroy()
  })

  // The fuzzer met these: Yjs itself can start a follow-up transaction (no origin) while a batch is applied.
  it('relays a change that has no origin to every member instead of failing', async () => {
    const room = await loadRoom()
    const member = recorder()
    room.join(member)
    room.ydoc.getText('notes').insert(0, 'x')
    expect(member.received).toEqual(['update'])
    room.destroy()
  })

  it("stores a new client's first update and the claim of its client id in one commit", async () => {
    const database = openDatabase()
    const logger = new Logger('silent')
    const validators = new UpdateValidatorPool(logger, 'inline')
    const authors = new SqliteAuthorshipStore(database)
    try {
      const room = await Room.load('charter', {
        store: new SqliteDocumentStore(database),
        logger,
        compactAfterUpdates: 1000,
        createValidator: (readState) => validators.forDocument('charter', readState),
        authorship: new ClientAuthorship(authors),
      })
      const author: RoomMember = {
        send: () => {},
        principal: { userId: 'alice', sessionId: null, name: 'Alice', delegation: 'AZ', role: 'drafter' },
      }
      room.join(author)
      const client = new Y.Doc()
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Article 1')])
      client.getXmlFragment(documentField).insert(0, [paragraph])
      const group = SqliteGroupCommit.of(database)
      const before = group.committed
      await room.submit(Y.encodeStateAsUpdate(client), TransactionOrigin.client(author))
      expect(group.committed - before).toBe(1)
      expect((await authors.list('charter')).map((entry) => [entry.clientId, entry.accountId])).toEqual([
        [client.clientID, 'alice'],
      ])
      room.destroy()
    } finally {
      validators.destroy()
    }
  })
})
