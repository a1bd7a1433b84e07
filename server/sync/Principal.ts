import type { Delegation, Role } from '../../shared/roles/index.ts'

/** Who is on the other end of a connection, as established by the server (never by the client). */
export interface Principal {
  userId: string
  name: string
  delegation: Delegation | null
  role: Role
}
