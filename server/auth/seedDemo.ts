import { type Delegation, type Role, roles } from '../../shared/roles/index.ts'
import type { DocumentCatalog } from '../documents/DocumentCatalog.ts'
import type { AccountStore } from './AccountStore.ts'

const demoNames: Record<Delegation, Record<Role, string>> = {
  AZ: {
    'co-chair': 'Aysel Karimova',
    drafter: 'Rashad Aliyev',
    reviewer: 'Leyla Mammadova',
    observer: 'Tural Hasanov',
  },
  US: {
    'co-chair': 'Margaret Hayes',
    drafter: 'Daniel Brooks',
    reviewer: 'Sarah Whitman',
    observer: 'Kevin Ortiz',
  },
}

export interface DemoAccountLink {
  login: string
  name: string
  delegation: Delegation
  role: Role
  token: string
}

/**
 * Evaluation data: one account per role in each delegation (the co-chairs are admins) and each delegation's
 * internal notes. Idempotent; every call issues fresh one-time sign-in links.
 */
export function seedDemo(accounts: AccountStore, catalog: DocumentCatalog): DemoAccountLink[] {
  const links: DemoAccountLink[] = []
  for (const delegation of ['AZ', 'US'] as const) {
    catalog.ensure({
      name: `${delegation.toLowerCase()}-notes`,
      title: `${delegation === 'AZ' ? 'Azerbaijani' : 'US'} delegation notes`,
      position: 10,
      access: [{ subject: { kind: 'delegation', delegation }, maxRole: 'co-chair' }],
    })
    for (const role of roles) {
      const login = `${delegation.toLowerCase()}-${role}`
      const account =
        accounts.findAccountByLogin(login) ??
        accounts.createAccount({
          login,
          name: demoNames[delegation][role],
          delegation,
          role,
          isAdmin: role === 'co-chair',
          passwordHash: null,
        })
      const token = accounts.createSignInLink(account.id, new Date(Date.now() + 7 * 86_400_000))
      links.push({ login, name: account.name, delegation, role: account.role, token })
    }
  }
  return links
}
