import type { AccountView } from '../../shared/api/index.ts'
import type { Account } from '../auth/Account.ts'

export function toAccountView(account: Account): AccountView {
  const { id, login, name, delegation, role, isAdmin, disabled } = account
  return { id, login, name, delegation, role, isAdmin, disabled }
}
