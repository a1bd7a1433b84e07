import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeFrame } from '../../shared/protocol/index.ts'
import { Logger } from '../logging/Logger.ts'
import { MemoryDocumentStore } from '../persistence/MemoryDocumentStore.ts'
import { Room } from './Room.ts'
import type { RoomMember } from './RoomMember.ts'
import { TransactionOrigin } from './TransactionOrigin.ts'

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
})
