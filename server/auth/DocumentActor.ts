import type { Role } from '../../shared/roles/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { Account } from './Account.ts'
import { recordAccountAction } from './recordAccountAction.ts'

/** Someone acting on one document: their account, their role there, and where the request came from. */
export interface DocumentActor {
  account: Account
  role: Role
  address: string | null
}

/** Records an action of `actor` on a document in the audit log. */
export function recordDocumentAction(
  audit: AuditLog,
  actor: DocumentActor,
  action: string,
  documentName: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return recordAccountAction(audit, actor.account, action, documentName, detail, actor.address)
}
