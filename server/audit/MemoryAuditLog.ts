import type { AuditEvent, AuditLog, NewAuditEvent } from './AuditLog.ts'

/** In-process audit log for tests. */
export class MemoryAuditLog implements AuditLog {
  private readonly events: AuditEvent[] = []

  async record(event: NewAuditEvent): Promise<void> {
    this.events.push({ ...structuredClone(event), id: this.events.length + 1, at: new Date().toISOString() })
  }

  async list({ limit, beforeId }: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    return this.events
      .filter((event) => beforeId === undefined || event.id < beforeId)
      .reverse()
      .slice(0, limit)
      .map((event) => structuredClone(event))
  }
}
