import { isDelegation, isRole } from '../../shared/roles/index.ts'
import type { SqliteDatabase } from '../persistence/openSqliteDatabase.ts'
import type { Account, Invitation, Session } from './Account.ts'
import type { AccountStore, NewAccount, NewSession } from './AccountStore.ts'
import { createSecretToken, hashSecretToken } from './secretToken.ts'

interface AccountRow {
  id: number
  login: string
  name: string
  delegation: string
  role: string
  is_admin: number
  disabled: number
  created_at: string
}

interface SessionRow {
  id: number
  user_id: number
  kind: string
  document_name: string | null
  label: string | null
  created_at: string
  expires_at: string
}

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

function toAccount(row: AccountRow): Account {
  if (!isDelegation(row.delegation) || !isRole(row.role)) throw new Error(`corrupt account row ${row.id}`)
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    delegation: row.delegation,
    role: row.role,
    isAdmin: row.is_admin === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  }
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind === 'token' ? 'token' : 'browser',
    documentName: row.document_name,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }
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

const accountColumns = 'id, login, name, delegation, role, is_admin, disabled, created_at'

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly database: SqliteDatabase) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS accounts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        delegation TEXT NOT NULL CHECK (delegation IN ('AZ', 'US')),
        role TEXT NOT NULL CHECK (role IN ('co-chair', 'drafter', 'reviewer', 'observer')),
        is_admin INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES accounts (id),
        kind TEXT NOT NULL CHECK (kind IN ('browser', 'token')),
        document_name TEXT,
        label TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE IF NOT EXISTS sign_in_links (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES accounts (id),
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE TABLE IF NOT EXISTS invitations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        token_hash TEXT NOT NULL UNIQUE,
        delegation TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `)
  }

  countAccounts(): number {
    return (this.database.prepare('SELECT count(*) AS count FROM accounts').get() as { count: number }).count
  }

  createAccount(account: NewAccount): Account {
    const result = this.database
      .prepare(
        `INSERT INTO accounts (login, name, delegation, role, is_admin, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        account.login,
        account.name,
        account.delegation,
        account.role,
        account.isAdmin ? 1 : 0,
        account.passwordHash,
        new Date().toISOString(),
      )
    return this.findAccountById(Number(result.lastInsertRowid))!
  }

  findAccountById(id: number): Account | null {
    const row = this.database.prepare(`SELECT ${accountColumns} FROM accounts WHERE id = ?`).get(id) as
      | AccountRow
      | undefined
    return row ? toAccount(row) : null
  }

  findAccountByLogin(login: string): Account | null {
    const row = this.database.prepare(`SELECT ${accountColumns} FROM accounts WHERE login = ?`).get(login) as
      | AccountRow
      | undefined
    return row ? toAccount(row) : null
  }

  passwordHashOf(id: number): string | null {
    const row = this.database.prepare('SELECT password_hash FROM accounts WHERE id = ?').get(id) as
      | { password_hash: string | null }
      | undefined
    return row?.password_hash ?? null
  }

  listAccounts(): Account[] {
    return (
      this.database
        .prepare(`SELECT ${accountColumns} FROM accounts ORDER BY delegation, name`)
        .all() as AccountRow[]
    ).map(toAccount)
  }

  updateAccount(
    id: number,
    changes: Partial<Pick<Account, 'role' | 'isAdmin' | 'disabled' | 'name'>>,
  ): Account | null {
    const current = this.findAccountById(id)
    if (!current) return null
    const next = { ...current, ...changes }
    this.database
      .prepare('UPDATE accounts SET role = ?, is_admin = ?, disabled = ?, name = ? WHERE id = ?')
      .run(next.role, next.isAdmin ? 1 : 0, next.disabled ? 1 : 0, next.name, id)
    return this.findAccountById(id)
  }

  setPasswordHash(id: number, passwordHash: string): void {
    this.database.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id)
  }

  createSession(session: NewSession): { session: Session; token: string } {
    const token = createSecretToken()
    const result = this.database
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, kind, document_name, label, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashSecretToken(token),
        session.userId,
        session.kind,
        session.documentName ?? null,
        session.label ?? null,
        new Date().toISOString(),
        session.expiresAt.toISOString(),
      )
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE id = ?')
      .get(Number(result.lastInsertRowid)) as SessionRow
    return { session: toSession(row), token }
  }

  findSession(token: string, now: Date): { session: Session; account: Account } | null {
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(hashSecretToken(token), now.toISOString()) as SessionRow | undefined
    return row ? this.withAccount(row) : null
  }

  findSessionById(id: number, now: Date): { session: Session; account: Account } | null {
    const row = this.database
      .prepare('SELECT * FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(id, now.toISOString()) as SessionRow | undefined
    return row ? this.withAccount(row) : null
  }

  private withAccount(row: SessionRow): { session: Session; account: Account } | null {
    const account = this.findAccountById(row.user_id)
    if (!account || account.disabled) return null
    return { session: toSession(row), account }
  }

  revokeSession(id: number): void {
    this.database
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id)
  }

  revokeSessionsOf(userId: number): number {
    return this.database
      .prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), userId).changes
  }

  createSignInLink(userId: number, expiresAt: Date): string {
    const token = createSecretToken()
    this.database
      .prepare('INSERT INTO sign_in_links (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
      .run(hashSecretToken(token), userId, expiresAt.toISOString())
    return token
  }

  consumeSignInLink(token: string, now: Date): number | null {
    const row = this.database
      .prepare(
        `UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
         RETURNING user_id`,
      )
      .get(now.toISOString(), hashSecretToken(token), now.toISOString()) as { user_id: number } | undefined
    return row?.user_id ?? null
  }

  createInvitation(invitation: Omit<Invitation, 'id' | 'createdAt' | 'usedAt'>): {
    invitation: Invitation
    token: string
  } {
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

  findInvitation(token: string, now: Date): Invitation | null {
    const row = this.database
      .prepare('SELECT * FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
      .get(hashSecretToken(token), now.toISOString()) as InvitationRow | undefined
    return row ? toInvitation(row) : null
  }

  listInvitations(): Invitation[] {
    return (this.database.prepare('SELECT * FROM invitations ORDER BY id DESC').all() as InvitationRow[]).map(
      toInvitation,
    )
  }

  acceptInvitation(
    token: string,
    now: Date,
    account: Omit<NewAccount, 'delegation' | 'role' | 'isAdmin'>,
  ): Account | null {
    return this.database.transaction(() => {
      const row = this.database
        .prepare(
          `UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
           RETURNING *`,
        )
        .get(now.toISOString(), hashSecretToken(token), now.toISOString()) as InvitationRow | undefined
      if (!row) return null
      const invitation = toInvitation(row)
      return this.createAccount({
        ...account,
        delegation: invitation.delegation,
        role: invitation.role,
        isAdmin: false,
      })
    })()
  }

  createSetupToken(): string {
    const token = createSecretToken()
    this.database
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('setup_token_hash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(hashSecretToken(token))
    return token
  }

  completeSetup(token: string, account: Omit<NewAccount, 'role' | 'isAdmin'>): Account | null {
    return this.database.transaction(() => {
      if (this.countAccounts() > 0) return null
      const stored = this.database
        .prepare("SELECT value FROM settings WHERE key = 'setup_token_hash'")
        .get() as { value: string } | undefined
      if (!stored || stored.value !== hashSecretToken(token)) return null
      this.database.prepare("DELETE FROM settings WHERE key = 'setup_token_hash'").run()
      return this.createAccount({ ...account, role: 'co-chair', isAdmin: true })
    })()
  }
}
