import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import type { MemoryMeetingStore } from './MemoryMeetingStore.ts'
import type { NewSnapshot, SnapshotRecord, SnapshotStore } from './SnapshotStore.ts'

/** In-process snapshots for tests; frozen copies stand in for the SQL backends' immutability triggers. */
export class MemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<number, Omit<SnapshotRecord, 'meetingTitle'>>()

  constructor(private readonly meetings: MemoryMeetingStore) {}

  async createSnapshot(snapshot: NewSnapshot): Promise<SnapshotSummary> {
    const id = this.snapshots.size + 1
    const stored = Object.freeze({
      ...structuredClone(snapshot),
      state: snapshot.state.slice(),
      id,
      createdAt: new Date().toISOString(),
    })
    this.snapshots.set(id, stored)
    return this.summaryOf(stored)
  }

  async listSnapshots(documentName: string): Promise<SnapshotSummary[]> {
    return [...this.snapshots.values()]
      .filter((snapshot) => snapshot.documentName === documentName)
      .sort((a, b) => b.id - a.id)
      .map((snapshot) => this.summaryOf(snapshot))
  }

  async findSnapshot(id: number): Promise<SnapshotRecord | null> {
    const stored = this.snapshots.get(id)
    if (!stored) return null
    return {
      ...this.summaryOf(stored),
      state: stored.state.slice(),
      threads: structuredClone(stored.threads),
    }
  }

  private summaryOf(snapshot: Omit<SnapshotRecord, 'meetingTitle'>): SnapshotSummary {
    return {
      id: snapshot.id,
      documentName: snapshot.documentName,
      name: snapshot.name,
      meetingId: snapshot.meetingId,
      meetingTitle: this.meetings.titleOf(snapshot.meetingId),
      kind: snapshot.kind,
      createdBy: snapshot.createdBy,
      createdByName: snapshot.createdByName,
      createdAt: snapshot.createdAt,
      contentHash: snapshot.contentHash,
    }
  }
}
