/** Roles in a document, from most to least capable. */
export const roles = ['co-chair', 'drafter', 'reviewer', 'observer'] as const

export type Role = (typeof roles)[number]

export type Delegation = 'AZ' | 'US'

export const delegations: readonly Delegation[] = ['AZ', 'US']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function isDelegation(value: unknown): value is Delegation {
  return value === 'AZ' || value === 'US'
}
