import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol/index.ts'
import { scratchText, storedScratchText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { forgedPendingUpdates } from '../helpers/forgedPendingUpdates.ts'
import { HoldableDocumentStore } from '../helpers/HoldableDocumentStore.ts'
import { syncMessage } from '../helpers/protocolMessages.ts'
import { joinedRoom, openRawSocket, roundTrip } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer, testStorages } from '../helpers/startTestServer.ts'

for (const storage of testStorages) describeSyncServer(storage)

function describeSyncServer(storage: (typeof testStorages)[number]): void {
  describe(`sync server (${storage})`, () => {
    let server: TestServer
    let token: string
    let store: HoldableDocumentStore
    const clients: TestClient[] = []

    async function connect(documentName: string, options?: Parameters<typeof connectClient>[2]) {
      await server.ensureDocument(documentName)
      const client = await connectClient(server.wsUrl, documentName, { ...options, params: { token } })
      clients.push(client)
      return client
    }

    function rawUrl(documentName: string): string {
      return `${server.wsUrl}/${documentName}?token=${token}`
    }

    beforeEach(async () => {
      server = await startTestServer({
        storage,
        wrapDocumentStore: (inner) => {
          store = new HoldableDocumentStore(inner)
          return store
        },
      })
      token = (await server.createAccount({ role: 'drafter' })).token
    })

    afterEach(async () => {
      store.release()
      for (const client of clients.splice(0)) client.destroy()
      await server.stop({ removeData: true })
    })

    it('lets two stock y-websocket clients converge on concurrent edits', async () => {
      const alice = await connect('doc-converge')
      const bob = await connect('doc-converge')
      alice.text.insert(0, 'Alice was here. ')
      bob.text.insert(0, 'Bob too. ')
      await eventually(() => {
        expect(alice.text.toString()).toBe(bob.text.toString())
        expect(alice.text.toString()).toContain('Alice was here.')
        expect(alice.text.toString()).toContain('Bob too.')
      })
    })

    it('relays an update and answers its writer’s sync step 1 only once the update is stored', async () => {
      const isUpdate = (message: Uint8Array) =>
        message[0] === MessageType.sync && message[1] === SyncMessageType.update
      const isStep2 = (message: Uint8Array) =>
        message[0] === MessageType.sync && message[1] === SyncMessageType.step2
      const observer = await connect('doc-held')
      const writer = await openRawSocket(rawUrl('doc-held'))
      const witness = await openRawSocket(rawUrl('doc-held'))
      await Promise.all([joinedRoom(writer), joinedRoom(witness)])
      // The observer's first look at the text creates the shared test paragraph: let that be stored and relayed
      // first, so what follows counts only the held update.
      expect(observer.text.toString()).toBe('')
      await eventually(async () => {
        for (const socket of [writer, witness]) expect(socket.messages.filter(isUpdate)).toHaveLength(1)
        expect((await server.app.store.load('doc-held')).updates).toHaveLength(1)
      })
      store.hold()
      const source = new Y.Doc()
      scratchText(source).insert(0, 'held back')
      writer.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(source)))
      // The client's "Saved" check: a sync step 1 after its update.
      writer.send(syncMessage(SyncMessageType.step1, Y.encodeStateVector(new Y.Doc())))
      await eventually(() => expect(store.waitingAppends).toBe(1))

      // A round trip on the witness's socket: whatever the room had sent it before now has arrived.
      await roundTrip(witness)
      expect(witness.messages.filter(isUpdate)).toHaveLength(1)
      expect(writer.messages.filter(isStep2)).toEqual([])
      expect(observer.text.toString()).toBe('')
      expect((await server.app.store.load('doc-held')).updates).toHaveLength(1)

      store.release()
      await eventually(() => {
        expect(observer.text.toString()).toBe('held back')
        expect(witness.messages.filter(isUpdate)).toHaveLength(2)
        expect(writer.messages.filter(isStep2)).toHaveLength(1)
      })
      expect((await server.app.store.load('doc-held')).updates).toHaveLength(2)
      writer.socket.close()
      witness.socket.close()
    })

    it('serves the same content after a restart on the same data directory', async () => {
      const writer = await connect('doc-restart')
      writer.text.insert(0, 'Article 1. The Parties shall cooperate.')
      await eventually(async () => {
        const reader = await connect('doc-restart')
        expect(reader.text.toString()).toBe('Article 1. The Parties shall cooperate.')
      })
      for (const client of clients.splice(0)) client.destroy()
      const { sameStorage } = server
      await server.stop()
      server = await startTestServer(sameStorage)
      const reader = await connect('doc-restart')
      expect(reader.text.toString()).toBe('Article 1. The Parties shall cooperate.')
    })

    it('keeps a document whole through compaction and a restart when an update it holds can never integrate', async () => {
      // Yjs folds such pending content into the compacted state with a merge that can produce bytes no one can
      // load: the document would then open empty after a restart (see encodeStorableState).
      const expected = new Y.Doc()
      for (const update of forgedPendingUpdates) Y.applyUpdate(expected, update)
      const expectedText = expected.getXmlFragment('default').toString()
      expect(expected.store.pendingStructs).not.toBeNull()
      await server.ensureDocument('doc-pending')
      const writer = await openRawSocket(rawUrl('doc-pending'))
      await joinedRoom(writer)
      for (const update of forgedPendingUpdates) writer.send(syncMessage(SyncMessageType.update, update))
      await roundTrip(writer)
      await eventually(async () =>
        expect((await server.app.store.load('doc-pending')).updates).toHaveLength(
          forgedPendingUpdates.length,
        ),
      )
      const reader = await connect('doc-pending')
      expect(reader.ydoc.getXmlFragment('default').toString()).toBe(expectedText)
      // Everyone leaves: the room compacts and unloads.
      writer.socket.close()
      for (const client of clients.splice(0)) client.destroy()
      await eventually(() => expect(server.app.syncServer.loadedDocumentNames).not.toContain('doc-pending'))
      const stored = new Y.Doc()
      for (const update of (await server.app.store.load('doc-pending')).updates) Y.applyUpdate(stored, update)
      expect(stored.getXmlFragment('default').toString()).toBe(expectedText)
      const { sameStorage } = server
      await server.stop()
      server = await startTestServer(sameStorage)
      const afterRestart = await connect('doc-pending')
      expect(afterRestart.ydoc.getXmlFragment('default').toString()).toBe(expectedText)
    })

    it('creates the charter from the template on the server, once', async () => {
      const first = await connect('charter')
      const second = await connect('charter')
      const fragment = first.ydoc.getXmlFragment('default')
      const text = fragment.toString()
      expect(text).toContain('Charter on Strategic Partnership between the Republic of Azerbaijan')
      for (const area of ['preamble', 'connectivity', 'investment', 'security', 'other', 'final']) {
        expect(text).toContain(`area="${area}"`)
      }
      expect(second.ydoc.getXmlFragment('default').toString()).toBe(text)
      expect(text.match(/Charter on Strategic Partnership between/g)).toHaveLength(1)
    })

    it('closes a connection with a bad document name with 4400', async () => {
      const raw = await openRawSocket(rawUrl('..%2Fetc%2Fpasswd'))
      expect((await raw.closed).code).toBe(CloseCode.badRequest)
      const upper = await openRawSocket(rawUrl('Not_Allowed'))
      expect((await upper.closed).code).toBe(CloseCode.badRequest)
    })

    it('closes only the connection that sent a garbage frame, with 4400', async () => {
      const editor = await connect('doc-garbage')
      const watcher = await connect('doc-garbage')
      const raw = await openRawSocket(rawUrl('doc-garbage'))
      raw.send(new Uint8Array([0, 2, 200, 200, 200, 200, 200, 1, 2, 3]))
      expect((await raw.closed).code).toBe(CloseCode.badRequest)
      const text = await openRawSocket(rawUrl('doc-garbage'))
      text.send('hello')
      expect((await text.closed).code).toBe(CloseCode.badRequest)
      const unknownType = await openRawSocket(rawUrl('doc-garbage'))
      unknownType.send(new Uint8Array([42]))
      expect((await unknownType.closed).code).toBe(CloseCode.badRequest)

      editor.text.insert(0, 'still editing')
      await eventually(() => expect(watcher.text.toString()).toBe('still editing'))
      expect(editor.provider.wsconnected).toBe(true)
    })

    it('refuses a structurally broken update before storing it', async () => {
      const watcher = await connect('doc-broken-update')
      const raw = await openRawSocket(rawUrl('doc-broken-update'))
      const valid = new Y.Doc()
      scratchText(valid).insert(0, 'x')
      const update = Y.encodeStateAsUpdate(valid)
      const truncated = update.slice(0, update.length - 3)
      raw.send(new Uint8Array([0, 2, truncated.length, ...truncated]))
      expect((await raw.closed).code).toBe(CloseCode.badRequest)
      expect(await server.app.store.load('doc-broken-update')).toEqual({ updates: [], lastSeq: 0 })
      expect(watcher.text.toString()).toBe('')
    })

    it('converges with 50 clients editing one document', async () => {
      const many = await Promise.all(Array.from({ length: 50 }, () => connect('doc-fifty')))
      many.forEach((client, index) => {
        client.text.insert(0, `[${index}]`)
      })
      await eventually(
        () => {
          const expected = many[0]!.text.toString()
          for (let index = 0; index < 50; index++) expect(expected).toContain(`[${index}]`)
          for (const client of many) expect(client.text.toString()).toBe(expected)
        },
        { timeoutMs: 20_000 },
      )
    })

    it('unloads a document after its last client leaves, with everything stored', async () => {
      const client = await connect('doc-unload')
      client.text.insert(0, 'kept')
      await eventually(() => expect(server.app.syncServer.loadedDocumentNames).toContain('doc-unload'))
      await eventually(async () =>
        expect(storedScratchText((await server.app.store.load('doc-unload')).updates)).toBe('kept'),
      )
      clients.splice(0).forEach((leaving) => {
        leaving.destroy()
      })
      await eventually(() => expect(server.app.syncServer.loadedDocumentNames).not.toContain('doc-unload'))
      const reader = await connect('doc-unload')
      expect(reader.text.toString()).toBe('kept')
    })

    it('reports health as JSON', async () => {
      await connect('doc-health')
      const response = await fetch(`${server.httpUrl}/api/health`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, unknown>
      expect(body).toMatchObject({ status: 'ok', loadedDocuments: 1, connections: 1 })
      expect(typeof body.version).toBe('string')
      expect(typeof body.uptimeSeconds).toBe('number')
      expect(body.storage).toBe(storage)
    })
  })
}
