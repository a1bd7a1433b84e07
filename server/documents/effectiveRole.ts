import type { Role } from '../../shared/roles/index.ts'
import type { Account } from '../auth/Account.ts'
import type { DocumentRecord } from './DocumentCatalog.ts'

const rank: Record<Role, number> = { 'co-chair': 3, drafter: 2, reviewer: 1, observer: 0 }

function lesser(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b
}

/**
 * What an account may do in a document: the best matching rule, capped by the account's own role.
 * Null means the document is invisible to the account (it gets "not found", not "forbidden").
 */
export function effectiveRole(account: Account, document: DocumentRecord): Role | null {
  let best: Role | null = null
  for (const rule of document.access) {
    const { subject } = rule
    const matches =
      subject.kind === 'everyone' ||
      (subject.kind === 'delegation' && subject.delegation === account.delegation) ||
      (subject.kind === 'user' && subject.userId === account.id)
    if (!matches) continue
    const allowed = lesser(rule.maxRole, account.role)
    if (best === null || rank[allowed] > rank[best]) best = allowed
  }
  return best
}
