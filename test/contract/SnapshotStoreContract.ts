import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MeetingStore } from '../../server/snapshots/MeetingStore.ts'
import type { NewSnapshot, SnapshotStore } from '../../server/snapshots/SnapshotStore.ts'
import type { ThreadView } from '../../shared/comments/index.ts'
import { newMeeting } from './MeetingStoreContract.ts'

export type SnapshotStoreFactory = () => Promise<{
  store: SnapshotStore
  meetings: MeetingStore
  destroy(): Promise<void>
  /** Raw SQL against the backend's database, to prove the database itself refuses rewrites; absent for memory. */
  execute?(sql: string): Promise<void>
}>

const storedThread: ThreadView = {
  id: 1,
  documentName: 'charter',
  kind: 'area',
  area: 'investment',
  anchor: null,
  quote: null,
  status: 'open',
  createdBy: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  resolvedBy: null,
  resolvedAt: null,
  comments: [],
}

function snapshot(documentName: string, name: string, overrides: Partial<NewSnapshot> = {}): NewSnapshot {
  return {
    documentName,
    name,
    meetingId: null,
    kind: 'manual',
    state: new Uint8Array([1, 2, 3, 250, 0, 7]),
    threads: [structuredClone(storedThread)],
    contentHash: 'hash',
    createdBy: 1,
    createdByName: 'Aysel Karimova',
    ...overrides,
  }
}

/** Every SnapshotStore implementation must pass this suite. */
export function describeSnapshotStoreContract(name: string, factory: SnapshotStoreFactory): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let opened: Awaited<ReturnType<SnapshotStoreFactory>>
    let store: SnapshotStore

    beforeEach(async () => {
      opened = await factory()
      store = opened.store
    })
    afterEach(async () => opened.destroy())

    it('stores the state bytes and threads exactly, and names the meeting', async () => {
      const meeting = await opened.meetings.createMeeting(newMeeting('First full meeting', '2025-12-19'))
      const summary = await store.createSnapshot(
        snapshot('charter', 'After first meeting', { meetingId: meeting.id }),
      )
      expect(summary).toMatchObject({
        documentName: 'charter',
        name: 'After first meeting',
        meetingId: meeting.id,
        meetingTitle: 'First full meeting',
        kind: 'manual',
        contentHash: 'hash',
      })
      expect(summary).not.toHaveProperty('state')
      const found = await store.findSnapshot(summary.id)
      expect(found).toEqual({
        ...summary,
        state: new Uint8Array([1, 2, 3, 250, 0, 7]),
        threads: [structuredClone(storedThread)],
      })
      expect(await store.findSnapshot(summary.id + 1000)).toBeNull()
    })

    it("lists one document's snapshots newest first", async () => {
      const first = await store.createSnapshot(snapshot('charter', 'One'))
      await store.createSnapshot(snapshot('az-notes', 'Elsewhere'))
      const second = await store.createSnapshot(snapshot('charter', 'Two', { kind: 'before-restore' }))
      const listed = await store.listSnapshots('charter')
      expect(listed.map((item) => item.id)).toEqual([second.id, first.id])
      expect(listed[0]).toEqual(second)
      expect(listed[0]?.meetingTitle).toBeNull()
    })

    it('is immutable: changing what was passed in or returned changes nothing stored', async () => {
      const input = snapshot('charter', 'Fixed')
      const summary = await store.createSnapshot(input)
      input.state[0] = 99
      input.threads[0]!.status = 'resolved'
      const found = await store.findSnapshot(summary.id)
      found!.state[1] = 99
      found!.threads[0]!.area = 'security'
      const again = await store.findSnapshot(summary.id)
      expect(Array.from(again!.state)).toEqual([1, 2, 3, 250, 0, 7])
      expect(again!.threads).toEqual([storedThread])
    })

    it('is immutable in the database: UPDATE and DELETE of a snapshot are refused', async (context) => {
      if (!opened.execute) context.skip()
      const summary = await store.createSnapshot(snapshot('charter', 'Kept'))
      await expect(
        opened.execute!(`UPDATE snapshots SET name = 'Rewritten' WHERE id = ${summary.id}`),
      ).rejects.toThrow(/immutable/)
      await expect(opened.execute!(`DELETE FROM snapshots WHERE id = ${summary.id}`)).rejects.toThrow(
        /immutable/,
      )
      expect((await store.findSnapshot(summary.id))?.name).toBe('Kept')
    })
  })
}
