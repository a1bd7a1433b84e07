import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { SyncMessageType } from '../../shared/protocol/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

interface Opened {
  socket: WebSocket
  tcp: Socket
  /** Bytes of the messages as delivered (after any decompression). */
  messageBytes: () => number
}

async function open(url: string): Promise<Opened> {
  // ws offers permessage-deflate by default, as browsers do.
  const socket = new WebSocket(url)
  let tcp: Socket | null = null
  let messageBytes = 0
  socket.on('upgrade', (response) => {
    tcp = response.socket as Socket
  })
  socket.on('message', (data: Buffer) => {
    messageBytes += data.byteLength
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  if (!tcp) throw new Error('no upgrade response')
  return { socket, tcp, messageBytes: () => messageBytes }
}

describe('compression of the sync channel', () => {
  let server: TestServer
  const sockets: WebSocket[] = []
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate()
    await server.stop({ removeData: true })
  })

  it('deflates the first sync for a client that asks (?deflate=1), and only for it', async () => {
    server = await startTestServer()
    await server.ensureDocument('long')
    // A long draft (~150 KB of Yjs state), stored before anyone opens it.
    const draft = new Y.Doc()
    draft.transact(() => {
      for (let index = 0; index < 1_500; index++) {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [
          new Y.XmlText(`${index}. The Parties shall cooperate on energy, trade and transit.`),
        ])
        draft.getXmlFragment('default').push([paragraph])
      }
    })
    await server.app.stores.documents.append('long', [Y.encodeStateAsUpdate(draft)])
    const { token } = await server.createAccount({ role: 'observer' })

    const asking = await open(`${server.wsUrl}/long?token=${token}&deflate=1`)
    const plain = await open(`${server.wsUrl}/long?token=${token}`)
    sockets.push(asking.socket, plain.socket)
    expect(asking.socket.extensions).toContain('permessage-deflate')
    expect(plain.socket.extensions).toBe('')

    // Both ask for everything, as a new visitor does; the asking one reads far fewer bytes off the wire.
    const everything = syncMessage(SyncMessageType.step1, Y.encodeStateVector(new Y.Doc()))
    asking.socket.send(everything)
    plain.socket.send(everything)
    await eventually(() => expect(asking.messageBytes()).toBeGreaterThan(50_000))
    await eventually(() => expect(plain.messageBytes()).toBe(asking.messageBytes()))
    console.log(
      `[compression] first sync: ${asking.messageBytes()} bytes of messages, ` +
        `${asking.tcp.bytesRead} on the wire deflated, ${plain.tcp.bytesRead} plain`,
    )
    expect(asking.tcp.bytesRead).toBeLessThan(plain.tcp.bytesRead * 0.6)
  })
})
