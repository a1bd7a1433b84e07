export interface AuditEvent {
  id: number
  at: string
  /** Account that acted, null for anonymous attempts (e.g. a failed sign-in for an unknown login). */
  actorId: number | null
  actorLogin: string | null
  action: string
  target: string | null
  detail: Record<string, unknown>
  address: string | null
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>

/** Append-only record of security-relevant events: who, what, when, from where. */
export interface AuditLog {
  record(event: NewAuditEvent): Promise<void>
  /** Newest first, at most `limit`; `beforeId` pages on from the last id of the previous page. */
  list(options: { limit: number; beforeId?: number }): Promise<AuditEvent[]>
}
