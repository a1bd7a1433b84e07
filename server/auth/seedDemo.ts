import { type Delegation, type Role, roles } from '../../shared/roles/index.ts'
import type { Stores } from '../persistence/Stores.ts'

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
 * Evaluation data: one account per role in each delegation (the co-chairs are admins), each delegation's
 * internal notes, and the record of the first full meeting (online, 19 December 2025). Idempotent; every call issues fresh one-time sign-in links.
 */
export async function seedDemo({
  accounts,
  signInLinks,
  catalog,
  meetings,
}: Pick<Stores, 'accounts' | 'signInLinks' | 'catalog' | 'meetings'>): Promise<DemoAccountLink[]> {
  const links: DemoAccountLink[] = []
  for (const delegation of ['AZ', 'US'] as const) {
    await catalog.ensure({
      name: `${delegation.toLowerCase()}-notes`,
      title: `${delegation === 'AZ' ? 'Azerbaijani' : 'US'} delegation notes`,
      position: 10,
      access: [{ subject: { kind: 'delegation', delegation }, maxRole: 'co-chair' }],
    })
    for (const role of roles) {
      const login = `${delegation.toLowerCase()}-${role}`
      const account =
        (await accounts.findAccountByLogin(login)) ??
        (await accounts.createAccount({
          login,
          name: demoNames[delegation][role],
          delegation,
          role,
          isAdmin: role === 'co-chair',
          passwordHash: null,
        }))
      const token = await signInLinks.createSignInLink(account.id, new Date(Date.now() + 7 * 86_400_000))
      links.push({ login, name: account.name, delegation, role: account.role, token })
    }
  }
  const firstMeetingDate = '2025-12-19'
  if (!(await meetings.listMeetings()).some((meeting) => meeting.date === firstMeetingDate)) {
    const coChair = (await accounts.findAccountByLogin('az-co-chair'))!
    await meetings.createMeeting({
      title: 'First full meeting of the Strategic Working Group',
      date: firstMeetingDate,
      format: 'online',
      place: null,
      participants: {
        AZ: ['Deputy Minister of Foreign Affairs (co-chair)'],
        US: ['Deputy Assistant Secretary of State (co-chair)'],
      },
      notes: 'Held online. Both sides stressed the importance of agreeing the text of the Charter quickly.',
      createdBy: coChair.id,
    })
  }
  return links
}
