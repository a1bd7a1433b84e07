import type { Delegation, Role } from '../../../shared/roles/index.ts'
import type { Proposer } from '../../../shared/schema/index.ts'

/**
 * Who is writing in this editor, from the signed-in session: the delegation stamped on every alternative they
 * table, and whether they may table a joint (bridging) proposal. The server checks the same facts; the editor uses
 * them only to offer what the server will accept.
 */
export interface BracketWriter {
  delegation: Delegation
  role: Role
}

/** Co-chairs may table a bridging proposal on behalf of both; everyone else proposes for their delegation. */
export function mayProposeJointly(writer: BracketWriter): boolean {
  return writer.role === 'co-chair'
}

/**
 * Whether this writer may change or remove an alternative: their own delegation's, or (co-chairs only) a joint one.
 * Mirrors the server's rule, which is the one that counts.
 */
export function mayEditAlternative(writer: BracketWriter, proposedBy: unknown): boolean {
  if (proposedBy === writer.delegation) return true
  return proposedBy === 'joint' && mayProposeJointly(writer)
}

/** The proposer to stamp on a new alternative: the delegation, or 'joint' when a co-chair chose so. */
export function proposerFor(writer: BracketWriter, joint: boolean): Proposer {
  return joint && mayProposeJointly(writer) ? 'joint' : writer.delegation
}
