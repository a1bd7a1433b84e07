import type { Delegation, Role } from '../../shared/roles/index.ts'
import type { TextAccess } from '../../shared/suggestions/index.ts'

/** Who is on the other end of a connection, as established by the server (never by the client). */
export interface Principal {
  userId: string
  /** The session that authenticated the connection, re-checked while it is open; null if none. */
  sessionId: number | null
  /** When that session (or token) expires, in epoch milliseconds: the re-check closes the socket then. */
  sessionExpiresAt?: number
  name: string
  delegation: Delegation | null
  role: Role
  /**
   * How this connection may write the text under the document's suggestion policy; absent means as the role
   * allows (edit for co-chairs and drafters, nothing for the others).
   */
  textAccess?: TextAccess
}
