import type { BracketSighting } from '../negotiation/readBrackets.ts'
import type { Room } from './Room.ts'
import type { TransactionOrigin } from './TransactionOrigin.ts'

/**
 * What services outside the sync path learn of a room, for server-owned records that must agree with the
 * document (the bracket register, clause ids). Called for every room, channels included; an observer
 * ignores what is not its business.
 */
export interface RoomObserver {
  /**
   * The room has loaded, before anyone joins it or a server read sees it: a good time to reconcile, and to
   * submit the server's own fixes (`room.submit` with the server origin). A failure is logged, not fatal.
   */
  loaded(room: Room): Promise<void>
  /**
   * An update that touched brackets is stored and applied: `brackets` is every bracket of the document after
   * it, `origin` who made it. Called in the order updates were stored; must not throw.
   */
  bracketsChanged(room: Room, brackets: BracketSighting[], origin: TransactionOrigin): void
}
