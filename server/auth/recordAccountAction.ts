import type { AuditLog } from '../audit/AuditLog.ts'
import type { Account } from './Account.ts'

/** Records an action of a signed-in `account` in the audit log. */
export function recordAccountAction(
  audit: AuditLog,
  account: Pick<Account, 'id' | 'login'>,
  action: string,
  target: string | null,
  detail: Record<string, unknown>,
  address: string | null,
): Promise<void> {
  return audit.record({ actorId: account.id, actorLogin: account.login, action, target, detail, address })
}
