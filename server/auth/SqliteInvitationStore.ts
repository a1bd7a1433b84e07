import { isDelegation, isRole } from '../../shared/roles/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { Account, Invitation } from './Account.ts'
import type { InvitationStore, InvitedAccount, NewInvitation } from './InvitationStore.ts'
import type { SqliteAccountStore } from './SqliteAccountStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

interface InvitationRow {
  id: number
  delegation: string
  role: string
  name: string | null
  created_by: number
  created_at: string
  expires_at: string
  used_at: string | null
}

function toInvitation(row: InvitationRow): Invitation {
  if (!isDelegation(row.delegation) || !isRole(row.role)) throw new Error(`corrupt invitation row ${row.id}`)
  return {
    id: row.id,
    delegation: row.delegation,
    role: row.role,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  }
}

/** Invitations in SQLite (table `invitations`); accepting creates the account in the same transaction. */
export class SqliteInvitationStore implements InvitationStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly accounts: SqliteAccountStore,
  ) {}

  async createInvitation(invitation: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
    const token = createSecretToken()
    const result = this.database
      .prepare(
        `INSERT INTO invitations (token_hash, delegation, role, name, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashSecretToken(token),
        invitation.delegation,
        invitation.role,
        invitation.name,
        invitation.createdBy,
        new Date().toISOString(),
        invitation.expiresAt,
      )
    const row = this.database
      .prepare('SELECT * FROM invitations WHERE id = ?')
      .get(Number(result.lastInsertRowid)) as InvitationRow
    return { invitation: toInvitation(row), token }
  }

  async findInvitation(token: string, now: Date): Promise<Invitation | null> {
    const row = this.database
      .prepare('SELECT * FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
      .get(hashSecretToken(token), now.toISOString()) as InvitationRow | undefined
    return row ? toInvitation(row) : null
  }

  async listInvitations(): Promise<Invitation[]> {
    return (this.database.prepare('SELECT * FROM invitations ORDER BY id DESC').all() as InvitationRow[]).map(
      toInvitation,
    )
  }

  async acceptInvitation(token: string, now: Date, account: InvitedAccount): Promise<Account | null> {
    return this.database.transaction(() => {
      const row = this.database
        .prepare(
          `UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
           RETURNING *`,
        )
        .get(now.toISOString(), hashSecretToken(token), now.toISOString()) as InvitationRow | undefined
      if (!row) return null
      const invitation = toInvitation(row)
      return this.accounts.insert({
        ...account,
        delegation: invitation.delegation,
        role: invitation.role,
        isAdmin: false,
      })
    })()
  }
}
