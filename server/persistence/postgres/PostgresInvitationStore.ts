import { isDelegation, isRole } from '../../../shared/roles/index.ts'
import type { Account, Invitation } from '../../auth/Account.ts'
import type { InvitationStore, InvitedAccount, NewInvitation } from '../../auth/InvitationStore.ts'
import { createSecretToken, hashSecretToken } from '../../auth/secretToken.ts'
import { insertAccount } from './PostgresAccountStore.ts'
import type { PostgresDatabase } from './PostgresDatabase.ts'
import { runInTransaction } from './runInTransaction.ts'

interface InvitationRow {
  id: number
  delegation: string
  role: string
  name: string | null
  created_by: number
  created_at: Date
  expires_at: Date
  used_at: Date | null
}

const invitationColumns = 'id, delegation, role, name, created_by, created_at, expires_at, used_at'

function toInvitation(row: InvitationRow): Invitation {
  if (!isDelegation(row.delegation) || !isRole(row.role)) throw new Error(`corrupt invitation row ${row.id}`)
  return {
    id: row.id,
    delegation: row.delegation,
    role: row.role,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    usedAt: row.used_at?.toISOString() ?? null,
  }
}

/** Invitations in PostgreSQL (table `invitations`); accepting creates the account in the same transaction. */
export class PostgresInvitationStore implements InvitationStore {
  constructor(private readonly database: PostgresDatabase) {}

  async createInvitation(invitation: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
    const token = createSecretToken()
    const { rows } = await this.database.query<InvitationRow>(
      `INSERT INTO invitations (token_hash, delegation, role, name, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${invitationColumns}`,
      [
        hashSecretToken(token),
        invitation.delegation,
        invitation.role,
        invitation.name,
        invitation.createdBy,
        new Date(),
        invitation.expiresAt,
      ],
    )
    return { invitation: toInvitation(rows[0]!), token }
  }

  async findInvitation(token: string, now: Date): Promise<Invitation | null> {
    const { rows } = await this.database.query<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
      [hashSecretToken(token), now],
    )
    return rows[0] ? toInvitation(rows[0]) : null
  }

  async listInvitations(): Promise<Invitation[]> {
    const { rows } = await this.database.query<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations ORDER BY id DESC`,
    )
    return rows.map(toInvitation)
  }

  acceptInvitation(token: string, now: Date, account: InvitedAccount): Promise<Account | null> {
    // A LoginTakenError rolls the whole transaction back, so the invitation stays unused.
    return runInTransaction(this.database, async (client) => {
      const { rows } = await client.query<InvitationRow>(
        `UPDATE invitations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING ${invitationColumns}`,
        [hashSecretToken(token), now],
      )
      if (!rows[0]) return null
      const invitation = toInvitation(rows[0])
      return insertAccount(client, {
        ...account,
        delegation: invitation.delegation,
        role: invitation.role,
        isAdmin: false,
      })
    })
  }
}
