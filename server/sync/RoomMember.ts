import type { Principal } from './Principal.ts'

/** Something that receives a room's broadcasts; a client connection in practice. */
export interface RoomMember {
  send(message: Uint8Array): void
  /** Who the member is (a connection's session); the bracket rules and the register need it for its updates. */
  readonly principal?: Principal
}
