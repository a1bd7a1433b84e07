export {
  canComment,
  canCreateDocuments,
  canEditComment,
  canEditText,
  canManageSnapshots,
  canRecordMeetings,
  canResolveThread,
} from './permissions.ts'
export type { Delegation, Role } from './Role.ts'
export { delegations, isDelegation, isRole, roles } from './Role.ts'
