import type { Delegation } from '../roles/Role.ts'

/**
 * Who tabled an alternative: one delegation, or the co-chairs jointly (a "bridging proposal").
 * The client sets it from its session; the server refuses an update whose proposer is not the writer's.
 */
export type Proposer = Delegation | 'joint'

export const proposers: readonly Proposer[] = ['AZ', 'US', 'joint']

export function isProposer(value: unknown): value is Proposer {
  return value === 'AZ' || value === 'US' || value === 'joint'
}
