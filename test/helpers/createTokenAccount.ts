import type { Account } from '../../server/auth/Account.ts'
import type { Stores } from '../../server/persistence/Stores.ts'
import type { Role } from '../../shared/roles/index.ts'

/**
 * An AZ account of `role` without a password and a personal access token for it valid for a day, the way
 * `server/cli/admin.ts add-user` and `token` make them; for servers seeded before they start.
 */
export async function createTokenAccount(
  stores: Pick<Stores, 'accounts' | 'sessions'>,
  account: { login: string; name: string; role: Role },
): Promise<{ account: Account; token: string }> {
  const created = await stores.accounts.createAccount({
    ...account,
    delegation: 'AZ',
    isAdmin: false,
    passwordHash: null,
  })
  const { token } = await stores.sessions.createSession({
    userId: created.id,
    kind: 'token',
    expiresAt: new Date(Date.now() + 86_400_000),
  })
  return { account: created, token }
}
